/**
 * Wiring shared by the entry point and the tests: stores → catalogue →
 * services → dialogs → bot → adapter. No listening here.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
} from 'botbuilder';
import { AssistantBot } from './bot/assistantBot.js';
import { FeedbackDraftExpiry } from './bot/draftExpiry.js';
import { NamespacedConversationState } from './bot/turnNamespace.js';
import { connectorTimeoutOptions } from './bot/connectorTimeout.js';
import { randomBytes } from 'node:crypto';
import { adapterRoute, proactiveSender } from './bot/proactive.js';
import { DirectLineAdapter, LOCAL_DIRECT_LINE_SERVICE_URL } from './channels/directline/directLineAdapter.js';
import { ConversationHub } from './channels/directline/hub.js';
import { WebChatThrottle } from './channels/directline/throttle.js';
import { TokenIssuer } from './channels/directline/tokens.js';
import { ZaloApi } from './channels/zalo/api.js';
import { ZaloAdapter } from './channels/zalo/zaloAdapter.js';
import { ZALO_SERVICE_URL, zaloTurn } from './channels/zalo/routes.js';
import { ZaloInbox } from './channels/zalo/inbox.js';
import { answerJobId, ComplaintService, GUARD_FILE as COMPLAINT_GUARD_FILE } from './complaints/complaintService.js';
import { citizenAnswerForwarder, EmailForwarder, WebhookForwarder, type Forwarder } from './complaints/forwarders.js';
import { Outbox } from './complaints/outbox.js';
import { COMPLAINT_STATUSES } from './complaints/schema.js';
import type { OfficeAnswer, ServerDeps } from './server.js';
import { ComplaintStore } from './complaints/store.js';
import { WorkingCalendar } from './dossiers/calendar.js';
import { DossierService, GUARD_FILE as DOSSIER_GUARD_FILE } from './dossiers/dossierService.js';
import { VerificationGuard } from './security/verificationGuard.js';
import { EmbeddedDossierSource } from './dossiers/embeddedSource.js';
import { HttpDossierSource } from './dossiers/httpSource.js';
import { DossierNotifier } from './dossiers/notifier.js';
import { SubscriptionStore } from './dossiers/subscriptions.js';
import { dossierSheet } from './render/dossierText.js';
import { channelProfile, sheetText } from './render/activities.js';
import { createOnTurnError } from './bot/onTurnError.js';
import { Catalogue } from './catalogue/catalogue.js';
import { knowledgeSources, type AppConfig } from './config.js';
import { loadProvinceProfile } from './catalogue/provinceProfile.js';
import type { ConversationData, DialogDeps } from './dialogs/context.js';
import { MainDialog } from './dialogs/mainDialog.js';
import { ProcedureGuide } from './guide/procedureGuide.js';
import { UnansweredLog } from './guide/unanswered.js';
import { TurnRouter } from './guide/turnRouter.js';
import { createLogger, type Logger } from './logger.js';
import { createMessages } from './messages.js';
import { Renderer } from './render/activities.js';
import { LowdbStorage } from './storage/lowdbStorage.js';
import { createStaff } from './staff/staffApp.js';

export const CONVERSATIONS_FILE = 'conversations.json';
/** Activities and API bodies nest a few levels; 64 leaves room for any real card and stops recursion bombs. */
export const BODY_MAX_DEPTH = 64;

export interface AppOverrides {
  clock?: () => Date;
  logger?: Logger;
  catalogue?: Catalogue;
  /** The background check's catalogue, instead of loading BACKGROUND_CATALOGUE. */
  background?: Catalogue;
  storage?: LowdbStorage;
  /** A refused staff sign-in's pause (default 1 s). */
  staffSignInDelayMs?: number;
}

export type App = Awaited<ReturnType<typeof createApp>>;

export async function createApp(config: AppConfig, overrides: AppOverrides = {}) {
  const clock = overrides.clock ?? (() => new Date());
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  await mkdir(config.DATA_DIR, { recursive: true });

  const storage = overrides.storage ?? (await openConversationStore(config, clock, logger));
  const catalogue = overrides.catalogue ?? (await Catalogue.load(knowledgeSources(config)));
  const province = await loadProvinceProfile(config.PROVINCE_PROFILE);
  const messages = createMessages({ locality: config.LOCALITY_NAME, hotline: config.HOTLINE });
  const background = overrides.background ?? (config.BACKGROUND_CATALOGUE ? await Catalogue.load([config.BACKGROUND_CATALOGUE]) : undefined);
  const guide = new ProcedureGuide(catalogue, { staleAfterDays: config.STALE_AFTER_DAYS, clock, background });
  const unanswered = await UnansweredLog.open(config.DATA_DIR, clock);

  const calendar = WorkingCalendar.load(config.HOLIDAYS_PATH || undefined);
  const estimatedYears = calendar.estimatedYears(clock(), 365);
  if (estimatedYears.length > 0) {
    logger.warn({ years: estimatedYears }, 'public holidays of these years are computed (Tết and Giỗ Tổ from the lunar calendar, no bridge days): add the announced schedule to the holidays file (HOLIDAYS_PATH)');
  }
  const source =
    config.DOSSIER_SOURCE === 'http'
      ? new HttpDossierSource({ baseUrl: config.DOSSIER_API_URL, token: config.DOSSIER_API_TOKEN, timeoutMs: config.DOSSIER_API_TIMEOUT_MS, retries: config.DOSSIER_API_RETRIES, logger })
      : await EmbeddedDossierSource.open(config.DATA_DIR, clock);
  const dossiers = new DossierService(source, calendar, await VerificationGuard.open(config.DATA_DIR, DOSSIER_GUARD_FILE, clock), clock);
  const subscriptions = await SubscriptionStore.open(config.DATA_DIR);

  const complaintStore = await ComplaintStore.open(config.DATA_DIR);
  const forwarders: Forwarder[] = [
    ...(config.SMTP_URL ? [new EmailForwarder(config.SMTP_URL, config.SMTP_FROM, config.CONTROL_OFFICE_EMAIL)] : []),
    ...(config.COMPLAINT_WEBHOOK_URL ? [new WebhookForwarder(config.COMPLAINT_WEBHOOK_URL, config.COMPLAINT_WEBHOOK_SECRET, clock)] : []),
  ];
  if (forwarders.length === 0) logger.warn('feedback is stored but not forwarded: set SMTP_URL and CONTROL_OFFICE_EMAIL, or COMPLAINT_WEBHOOK_URL');
  const complaints = new ComplaintService(complaintStore, await VerificationGuard.open(config.DATA_DIR, COMPLAINT_GUARD_FILE, clock), forwarders.map((f) => f.kind), clock);
  // The office's answers reach the citizen through the outbox too (sendProactive is defined below, called later).
  const answerDelivery = citizenAnswerForwarder(
    (reference, text) => sendProactive(reference, text),
    (c) => messages.feedback.answered(c.code, COMPLAINT_STATUSES[c.status], c.answer),
  );
  const outbox = new Outbox(complaintStore, [...forwarders, answerDelivery], clock, {
    maxAttempts: config.COMPLAINT_MAX_ATTEMPTS,
    baseDelayMs: config.COMPLAINT_RETRY_BASE_SECONDS * 1000,
    maxDelayMs: config.COMPLAINT_RETRY_MAX_SECONDS * 1000,
  }, logger);

  const conversationState = new NamespacedConversationState(storage);
  const deps: DialogDeps = {
    router: new TurnRouter((text) => catalogue.index.analyze(text)),
    guide,
    dossiers,
    subscriptions,
    complaints,
    kickOutbox: () => void outbox.runOnce(),
    forwarding: forwarders.length > 0,
    locality: config.LOCALITY_NAME,
    clock,
    renderer: new Renderer(messages, clock, province),
    conversationData: conversationState.createProperty<ConversationData>('conversationData'),
    unanswered,
  };
  const dialog = new MainDialog(deps);
  const bot = new AssistantBot(conversationState, dialog, deps);
  const draftExpiry = new FeedbackDraftExpiry({
    storage, idleMinutes: config.FEEDBACK_DRAFT_TTL_MINUTES, exclusive: (key, work) => bot.exclusive(key, work), logger,
  });
  const onTurnError = createOnTurnError({ logger, conversationState, messages });

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      },
      undefined,
      undefined,
      undefined,
      connectorTimeoutOptions(config.CONNECTOR_TIMEOUT_MS),
    ),
  );
  adapter.onTurnError = onTurnError;

  const hub = new ConversationHub({ totalBytes: config.WEBCHAT_MEMORY_MB * 1_048_576 });
  const webChatThrottle = new WebChatThrottle(
    { tokensPerMinute: config.WEBCHAT_TOKENS_PER_MINUTE, postsPerMinute: config.WEBCHAT_POSTS_PER_MINUTE, trustProxy: config.TRUST_PROXY },
    clock,
  );
  const directLineTokens = new TokenIssuer(config.WEBCHAT_TOKEN_SECRET || randomBytes(32).toString('hex'), config.WEBCHAT_TOKEN_TTL_SECONDS, clock);
  const directLineAdapter = new DirectLineAdapter(hub);
  directLineAdapter.onTurnError = onTurnError;

  const zalo = config.ZALO_APP_ID && config.ZALO_OA_SECRET_KEY
    ? new ZaloAdapter(await ZaloApi.open({
        appId: config.ZALO_APP_ID, appSecret: config.ZALO_APP_SECRET, apiBase: config.ZALO_API_BASE, oauthBase: config.ZALO_OAUTH_BASE,
        dataDir: config.DATA_DIR, initialAccessToken: config.ZALO_ACCESS_TOKEN, initialRefreshToken: config.ZALO_REFRESH_TOKEN, logger, clock,
      }))
    : undefined;
  if (zalo) zalo.onTurnError = onTurnError;
  // Processing starts with zaloInbox.start(), once the server listens (index.ts): a second instance that cannot bind never runs it.
  const zaloInbox = zalo ? await ZaloInbox.open({ dataDir: config.DATA_DIR, process: zaloTurn(zalo, bot), logger, clock }) : undefined;

  const sendProactive = proactiveSender(
    [
      adapterRoute(directLineAdapter, (ref) => ref.serviceUrl === LOCAL_DIRECT_LINE_SERVICE_URL),
      ...(zalo ? [adapterRoute(zalo, (ref) => ref.serviceUrl === ZALO_SERVICE_URL)] : []),
    ],
    { serves: () => true, continueConversation: (ref, logic) => adapter.continueConversationAsync(config.MicrosoftAppId, ref, logic) },
  );
  const notifier = new DossierNotifier(
    dossiers,
    subscriptions,
    sendProactive,
    (view, channelId) => `${messages.dossier.changed(view.code)}\n\n${sheetText(dossierSheet(view, messages), channelProfile(channelId))}`,
    logger,
  );

  /** The office's answer: stored with its delivery job, and delivered at once if the channel takes it (else retried by the outbox). */
  const answerCitizen: OfficeAnswer = async (code, status, answer) => {
    const complaint = await complaints.respond(code, status, answer);
    if (!complaint) return undefined;
    return { complaint, notified: (await outbox.deliverNow(answerJobId(code))) === 'done' };
  };

  const staff = await createStaff(config, {
    dossiers, complaints, complaintStore, catalogue, background, clock, signInDelayMs: overrides.staffSignInDelayMs,
    textOptions: () => deps.renderer.textOptions('plain'), kickOutbox: deps.kickOutbox,
  });

  /** What GET /healthz reports: sizes and queues, never personal data. */
  const health = () => ({ procedures: catalogue.size, outbox: { pending: outbox.pendingCount(), dead: outbox.deadCount() }, ...(zaloInbox ? { zaloInbox: zaloInbox.size() } : {}) });

  return { health, config, logger, clock, storage, catalogue, messages, guide, unanswered, conversationState, deps, dialog, bot, adapter, onTurnError, dossiers, subscriptions, notifier, complaints, complaintStore, outbox, sendProactive, answerCitizen, staff, hub, webChatThrottle, directLineTokens, directLineAdapter, zalo, zaloInbox, draftExpiry };
}

/** The embedded conversation store, with abandoned conversations pruned so the file stays small. */
async function openConversationStore(config: AppConfig, clock: () => Date, logger: Logger): Promise<LowdbStorage> {
  const storage = await LowdbStorage.open(path.join(config.DATA_DIR, CONVERSATIONS_FILE), clock);
  const pruned = await storage.prune(config.CONVERSATION_TTL_DAYS * 86_400_000);
  if (pruned > 0) logger.info({ pruned }, 'dropped idle conversation state');
  return storage;
}

/** Everything the HTTP server needs from the application, from its configuration. */
export function serverDeps(app: App): ServerDeps {
  const { config } = app;
  return {
    adapter: app.adapter,
    bot: app.bot,
    logger: app.logger,
    anonymous: !config.MicrosoftAppId,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    bodyMaxDepth: BODY_MAX_DEPTH,
    health: app.health,
    dossierEvents: { secret: config.DOSSIER_EVENTS_SECRET, clock: app.clock, notifier: app.notifier },
    office: { token: config.OFFICE_API_TOKEN, answer: app.answerCitizen },
    zalo: app.zaloInbox
      ? { appId: config.ZALO_APP_ID, oaSecretKey: config.ZALO_OA_SECRET_KEY, inbox: app.zaloInbox, logger: app.logger, clock: app.clock }
      : undefined,
    staff: {
      ...app.staff, unanswered: app.unanswered, messages: app.messages, trustProxy: config.TRUST_PROXY, clock: app.clock,
      title: config.WEBCHAT_TITLE, consent: app.messages.feedback.consent(config.LOCALITY_NAME).replace(/\s*\(có \/ không\)\s*$/, ''),
    },
    directLine: { hub: app.hub, adapter: app.directLineAdapter, tokens: app.directLineTokens, bot: app.bot, logger: app.logger, throttle: app.webChatThrottle },
    webChat: {
      tokens: app.directLineTokens,
      logger: app.logger,
      throttle: app.webChatThrottle,
      settings: {
        title: config.WEBCHAT_TITLE,
        accentColor: config.WEBCHAT_ACCENT_COLOR,
        botAvatarUrl: config.WEBCHAT_BOT_AVATAR_URL,
        botAvatarInitials: config.WEBCHAT_BOT_AVATAR_INITIALS,
        directLineSecret: config.DIRECT_LINE_SECRET,
        directLineEndpoint: config.DIRECT_LINE_ENDPOINT,
      },
    },
  };
}
