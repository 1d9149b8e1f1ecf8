/** A feedback record and its delivery jobs, as stored. */

export const COMPLAINT_STATUSES = {
  received: 'Đã tiếp nhận',
  forwarded: 'Đã chuyển đến Phòng Kiểm soát thủ tục hành chính',
  'in-progress': 'Đang được xem xét, xử lý',
  answered: 'Đã có trả lời',
  closed: 'Đã kết thúc',
} as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES;

/** What the citizen gives. */
export interface ComplaintDraft {
  content: string;
  /** The procedure or dossier it is about, in words ("Đăng ký khai sinh (mã 1.001193)"), or "". */
  related: string;
  name: string;
  address: string;
  phone: string;
  /** "" when the citizen has none. */
  email: string;
}

export interface ComplaintOrigin {
  /** One id per draft: a repeated confirmation of the same draft never makes a second record. */
  draftId: string;
  channel: string;
  conversationKey: string;
  /** Opaque conversation reference, for answering in the same conversation. */
  reference: unknown;
}

export interface Complaint extends ComplaintDraft, ComplaintOrigin {
  code: string;
  createdAt: string;
  updatedAt: string;
  status: ComplaintStatus;
  answer: string | null;
}

/** To the control office (e-mail, webhook), or the office's answer back into the citizen's conversation. */
export type DeliveryKind = 'email' | 'webhook' | 'citizen';
export const ANSWER_DELIVERY: DeliveryKind = 'citizen';

export interface DeliveryJob {
  id: string;
  code: string;
  kind: DeliveryKind;
  state: 'pending' | 'done' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  /** Technical reason of the last failure; never personal data. */
  lastError: string | null;
}
