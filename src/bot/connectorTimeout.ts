/**
 * A time bound on every call the Bot Framework connector client makes to a
 * channel's serviceUrl (replies, proactive messages). Without it a serviceUrl
 * that accepts the connection and never answers holds the turn — and the
 * citizen's request — for as long as the peer likes (over 600 s was seen).
 *
 * The SDK's connector factory replaces any `requestPolicyFactories` we pass,
 * but keeps `httpClient`; so the bound lives in an HTTP client: Azure's own
 * default client, with each request given a timeout and an abort deadline.
 */
import { toCompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { ConnectorClientOptions } from 'botframework-connector';

export function connectorTimeoutOptions(timeoutMs: number): ConnectorClientOptions {
  const inner = createDefaultHttpClient();
  const bounded: RequestPolicy = {
    sendRequest: async (resource: WebResourceLike) => {
      const request = createPipelineRequest({
        url: resource.url,
        method: resource.method,
        headers: createHttpHeaders(resource.headers.toJson({ preserveCase: true })),
        body: resource.body,
        proxySettings: resource.proxySettings,
        timeout: timeoutMs,
        // As the SDK does: plain http only where the channel's serviceUrl is plain http (the Emulator).
        allowInsecureConnection: resource.url.toLowerCase().startsWith('http:'),
        abortSignal: resource.abortSignal ? AbortSignal.any([resource.abortSignal as AbortSignal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
      });
      return toCompatResponse(await inner.sendRequest(request), { createProxy: true });
    },
  };
  // The SDK's options type names the compat client by its older interface; both are { sendRequest(resource) }.
  return { httpClient: bounded as unknown as ConnectorClientOptions['httpClient'] };
}
