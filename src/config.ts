/**
 * Configuration: one zod schema over the environment, parsed once at start-up.
 * Nothing else reads process.env.
 */
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Interface to listen on; loopback by default so a fresh checkout is never exposed. */
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('data'),
    /** Comma-separated: knowledge folders and/or national catalogue files (.jsonl, .jsonl.gz). */
    KNOWLEDGE_PATH: z.string().min(1).default('knowledge'),
    /**
     * The national catalogue file searched behind the knowledge (the background check): a question it
     * answers with a procedure the knowledge does not cover is referred there. Empty: off.
     */
    BACKGROUND_CATALOGUE: z.string().default(''),
    /** YAML file with the province's own amounts (fees set by its People's Council); none by default. */
    PROVINCE_PROFILE: z.string().min(1).optional(),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    /** Listening beyond loopback with no app id needs this, explicitly. */
    ALLOW_ANONYMOUS: flag,
    /** Behind a reverse proxy (nginx): the client address is the right-most X-Forwarded-For entry. */
    TRUST_PROXY: flag,
    LOCALITY_NAME: z.string().min(1).default('Trung tâm Phục vụ hành chính công'),
    HOTLINE: z
      .string()
      .regex(/^[0-9 .+()-]{3,20}$/, 'HOTLINE must be a phone number')
      .default('1800 1096'),
    /** Entries verified longer ago than this are answered with a "please confirm" line. */
    STALE_AFTER_DAYS: z.coerce.number().int().positive().default(365),
    /** Conversation state untouched for this long is dropped at start-up. */
    CONVERSATION_TTL_DAYS: z.coerce.number().int().positive().default(30),
    /** A feedback draft (name, address, phone typed in, never sent) idle this long is dropped with its personal data. */
    FEEDBACK_DRAFT_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(262_144),
    /** Longest wait for a channel's serviceUrl to take a reply (Bot Framework connector calls, retries included). */
    CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Longest graceful shutdown (requests, outbox and notifier passes, Zalo turns) before a forced exit. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
    /** Where dossier status comes from: the embedded lowdb store, or the one-stop-shop system over HTTP. */
    DOSSIER_SOURCE: z.enum(['embedded', 'http']).default('embedded'),
    DOSSIER_API_URL: z.union([z.url(), z.literal('')]).default(''),
    DOSSIER_API_TOKEN: z.string().default(''),
    DOSSIER_API_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    DOSSIER_API_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    /** How often subscribed dossiers are re-read for changes; 0 turns polling off (events only). */
    DOSSIER_POLL_SECONDS: z.coerce.number().int().min(0).default(300),
    /** Shared secret for signed status events; empty refuses every event. */
    DOSSIER_EVENTS_SECRET: z.string().default(''),
    /** Public holidays file (YAML); the bundled one by default. */
    HOLIDAYS_PATH: z.string().default(''),
    /** Feedback goes by e-mail to the control office when both are set (SMTP URL as nodemailer reads it). */
    CONTROL_OFFICE_EMAIL: z.union([z.email(), z.literal('')]).default(''),
    SMTP_URL: z.string().default(''),
    SMTP_FROM: z.string().min(3).default('Trợ lý dịch vụ công <tro-ly-ao@localhost>'),
    /** …and/or to a webhook, signed with the secret. */
    COMPLAINT_WEBHOOK_URL: z.union([z.url(), z.literal('')]).default(''),
    COMPLAINT_WEBHOOK_SECRET: z.string().default(''),
    COMPLAINT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    COMPLAINT_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
    COMPLAINT_RETRY_MAX_SECONDS: z.coerce.number().positive().default(3600),
    OUTBOX_INTERVAL_SECONDS: z.coerce.number().positive().default(15),
    /** Bearer token of the office API (POST /api/complaints/{code}/response); empty disables it. */
    OFFICE_API_TOKEN: z.string().default(''),
    /** Answered or closed feedback is purged after this many days (`npm run complaints -- purge`). */
    COMPLAINT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
    /** Web chat (GET /chat, /embed.js): title, colour and avatar. */
    WEBCHAT_TITLE: z.string().min(1).default('Trợ lý dịch vụ công'),
    WEBCHAT_ACCENT_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #b71c1c').default('#b71c1c'),
    WEBCHAT_BOT_AVATAR_URL: z.union([z.url(), z.literal('')]).default(''),
    WEBCHAT_BOT_AVATAR_INITIALS: z.string().max(3).default('TL'),
    /** Signs the built-in Direct Line's tokens; random at each start when empty (tokens then end with a restart). */
    WEBCHAT_TOKEN_SECRET: z.string().default(''),
    WEBCHAT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(1800),
    /** Per client address and minute (an office behind one NAT address shares them); 0 turns a limit off. */
    WEBCHAT_TOKENS_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    WEBCHAT_POSTS_PER_MINUTE: z.coerce.number().int().min(0).default(120),
    /** Memory for the built-in Direct Line's conversation streams; the idlest conversations are dropped past it. */
    WEBCHAT_MEMORY_MB: z.coerce.number().int().min(1).max(4096).default(64),
    /** With a Direct Line secret the page uses Azure's Direct Line instead of the built-in one. */
    DIRECT_LINE_SECRET: z.string().default(''),
    DIRECT_LINE_ENDPOINT: z.url().default('https://directline.botframework.com/v3/directline'),
    /** Zalo Official Account: on when ZALO_APP_ID and ZALO_OA_SECRET_KEY are set. */
    ZALO_APP_ID: z.string().default(''),
    /** The app's secret (OAuth, token refresh). */
    ZALO_APP_SECRET: z.string().default(''),
    /** The OA secret key that signs webhook events. */
    ZALO_OA_SECRET_KEY: z.string().default(''),
    /** First access/refresh tokens; refreshed ones are kept in DATA_DIR. */
    ZALO_ACCESS_TOKEN: z.string().default(''),
    ZALO_REFRESH_TOKEN: z.string().default(''),
    ZALO_API_BASE: z.url().default('https://openapi.zalo.me'),
    ZALO_OAUTH_BASE: z.url().default('https://oauth.zaloapp.com'),
    /** Staff console (/staff): a session ends after this long without a request, and at the latest after STAFF_SESSION_MAX_HOURS. */
    STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    /** Staff sign-in requests per client address and minute (operators behind one office address share it). */
    STAFF_SIGN_INS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (!c.MicrosoftAppId && !LOOPBACK.has(c.HOST) && !c.ALLOW_ANONYMOUS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: 'without MicrosoftAppId the bot accepts unauthenticated requests: listen on loopback, or set ALLOW_ANONYMOUS=true explicitly',
      });
    }
    if (c.MicrosoftAppId && c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
    }
    if (c.DOSSIER_SOURCE === 'http' && (!c.DOSSIER_API_URL || !c.DOSSIER_API_TOKEN)) {
      ctx.addIssue({ code: 'custom', path: ['DOSSIER_API_URL'], message: 'DOSSIER_SOURCE=http needs DOSSIER_API_URL and DOSSIER_API_TOKEN' });
    }
    if (c.COMPLAINT_WEBHOOK_URL && c.COMPLAINT_WEBHOOK_SECRET.length < 16) {
      ctx.addIssue({ code: 'custom', path: ['COMPLAINT_WEBHOOK_SECRET'], message: 'a webhook needs a secret of at least 16 characters' });
    }
    if (!!c.SMTP_URL !== !!c.CONTROL_OFFICE_EMAIL) {
      ctx.addIssue({ code: 'custom', path: ['CONTROL_OFFICE_EMAIL'], message: 'set both SMTP_URL and CONTROL_OFFICE_EMAIL, or neither' });
    }
    if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required for SingleTenant apps' });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function knowledgeSources(config: Pick<AppConfig, 'KNOWLEDGE_PATH'>): string[] {
  return config.KNOWLEDGE_PATH.split(',').map((s) => s.trim()).filter(Boolean);
}
