/**
 * The web chat a portal shows: `GET /chat` (a full page), `GET /embed.js` (one
 * <script> tag gives a floating button that opens the same chat), the official
 * Web Chat bundle served from our own origin (never a CDN), and the token
 * endpoint. Without Azure, the page talks to the built-in Direct Line; with
 * DIRECT_LINE_SECRET, to Azure's, through a token we fetch (the secret never
 * reaches the browser).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { CompressedAsset } from '../../http/compressedAsset.js';
import type { Logger } from '../../logger.js';
import { newConversation } from '../directline/routes.js';
import type { WebChatThrottle } from '../directline/throttle.js';
import type { TokenIssuer } from '../directline/tokens.js';

export interface WebChatSettings {
  title: string;
  accentColor: string;
  botAvatarUrl: string;
  botAvatarInitials: string;
  /** With Azure Direct Line: the secret and the service endpoint. */
  directLineSecret: string;
  directLineEndpoint: string;
}

export interface WebChatDeps {
  settings: WebChatSettings;
  tokens: TokenIssuer;
  logger: Logger;
  /** Tokens per client address, with Azure too (each costs a call to Azure). */
  throttle: WebChatThrottle;
}

/** The package's prebuilt browser bundle (exposes window.WebChat); its main entry sits in lib/. */
const WEBCHAT_BUNDLE = path.join(path.dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

let bundle: Promise<CompressedAsset> | undefined;
/** The Web Chat bundle, compressed once per process (index.ts starts it at start-up; otherwise the first request does). */
export function webChatBundle(): Promise<CompressedAsset> {
  bundle ??= CompressedAsset.load(WEBCHAT_BUNDLE, { contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=86400' });
  return bundle;
}

export function registerWebChat(server: Server, deps: WebChatDeps): void {
  const { settings } = deps;
  const azure = !!settings.directLineSecret;

  server.get('/chat', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(chatPage(settings, azure));
  });

  server.get('/embed.js', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'text/javascript; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=300');
    res.end(embedScript(settings));
  });

  server.get('/webchat/webchat.js', async (req: Request, res: Response) => {
    const asset = await webChatBundle().catch((error: Error) => void deps.logger.error({ err: error }, 'could not load the Web Chat bundle'));
    if (!asset) {
      res.send(503, { error: 'the web chat is not available' });
      return;
    }
    asset.serve(req, res);
  });

  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    if (!deps.throttle.admit('tokens', req, res)) return;
    if (!azure) {
      const { conversationId, token, expires_in } = newConversation(deps.tokens);
      res.send(200, { conversationId, token, expires_in });
      return;
    }
    try {
      const azureRes = await fetch(`${settings.directLineEndpoint.replace(/\/+$/, '')}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${settings.directLineSecret}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (!azureRes.ok) throw new Error(`Direct Line answered HTTP ${azureRes.status}`);
      const { conversationId, token, expires_in } = (await azureRes.json()) as { conversationId: string; token: string; expires_in: number };
      res.send(200, { conversationId, token, expires_in });
    } catch (error) {
      deps.logger.error({ err: { message: (error as Error).message } }, 'could not get a Direct Line token');
      res.send(502, { error: 'Direct Line is not answering' });
    }
  });
}

/** JSON safe to inline in a <script> element. */
const inline = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function chatPage(s: WebChatSettings, azure: boolean): string {
  const config = {
    tokenUrl: '/api/webchat/token',
    domain: azure ? s.directLineEndpoint : null,
    webSocket: azure,
    styleOptions: {
      accent: s.accentColor,
      botAvatarInitials: s.botAvatarUrl ? undefined : s.botAvatarInitials,
      botAvatarImage: s.botAvatarUrl || undefined,
      userAvatarInitials: 'Bạn',
      hideUploadButton: true,
      bubbleMaxWidth: 640,
      suggestedActionLayout: 'flow',
      primaryFont: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    },
  };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<style>
  html, body { height: 100%; margin: 0; font-family: ${config.styleOptions.primaryFont}; }
  body { display: flex; flex-direction: column; }
  header { background: ${escapeHtml(s.accentColor)}; color: #fff; padding: 12px 16px; font-size: 17px; font-weight: 600; }
  #webchat { flex: 1; min-height: 0; }
  #error { display: none; padding: 16px; color: #7a1010; }
</style>
</head>
<body>
<header>${escapeHtml(s.title)}</header>
<div id="webchat" role="main"></div>
<div id="error">Không kết nối được với trợ lý ảo. Anh/chị vui lòng tải lại trang sau ít phút.</div>
<script src="/webchat/webchat.js"></script>
<script>
(async function () {
  var config = ${inline(config)};
  try {
    var res = await fetch(config.tokenUrl, { method: 'POST' });
    if (!res.ok) throw new Error('token ' + res.status);
    var session = await res.json();
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: config.domain || (location.origin + '/v3/directline'),
      webSocket: config.webSocket
    });
    window.WebChat.renderWebChat({ directLine: directLine, locale: 'vi-VN', styleOptions: config.styleOptions }, document.getElementById('webchat'));
  } catch (e) {
    document.getElementById('error').style.display = 'block';
  }
})();
</script>
</body>
</html>`;
}

function embedScript(s: WebChatSettings): string {
  const settings = { title: s.title, accent: s.accentColor };
  return `(function () {
  if (window.__troLyDichVuCong) return;
  window.__troLyDichVuCong = true;
  var settings = ${inline(settings)};
  var origin = new URL(document.currentScript.src).origin;
  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', settings.title);
  button.title = settings.title;
  // An inline icon: emoji fonts are missing on many kiosks and office machines.
  button.innerHTML = '<svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" fill="#fff">' +
    '<path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"/></svg>';
  button.style.cssText = 'position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;cursor:pointer;' +
    'display:flex;align-items:center;justify-content:center;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.3);z-index:2147483646;background:' + settings.accent;
  var frame = null;
  button.addEventListener('click', function () {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = origin + '/chat';
      frame.title = settings.title;
      frame.style.cssText = 'position:fixed;right:20px;bottom:90px;width:min(400px,calc(100vw - 40px));height:min(640px,calc(100vh - 120px));' +
        'border:0;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);z-index:2147483647;background:#fff';
      document.body.appendChild(frame);
    } else {
      frame.style.display = frame.style.display === 'none' ? 'block' : 'none';
    }
  });
  document.body.appendChild(button);
})();
`;
}
