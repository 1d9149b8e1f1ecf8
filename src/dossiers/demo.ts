/**
 * Fictional demo dossiers for a new installation. The agency code "DEMO"-style
 * prefix X99 belongs to no real agency, and every phone number ends in 6789.
 */
import type { Dossier } from './schema.js';

const DAY = 86_400_000;

export const DEMO_PHONE_LAST4 = '6789';

/** Received on Monday 16/11/2026, as the codes say; open deadlines relative to the first start, so each status shows. */
const RECEIVED = '2026-11-16T08:30:00+07:00';
export const DEMO_CODES = ['X99.01-261116-0001', 'X99.01-261116-0002', 'X99.01-261116-0003', 'X99.01-261116-0004'] as const;

export function demoDossiers(now: Date): Dossier[] {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const base = {
    agency: 'Bộ phận Một cửa UBND phường Mẫu (dữ liệu minh họa)',
    applicantPhone: '0900006789',
    missingDocuments: [] as string[],
    statusNote: null,
    resultDelivery: null,
    procedureCode: null,
    updatedAt: at(0),
    receivedAt: RECEIVED,
  };
  return [
    { ...base, code: DEMO_CODES[0], procedureName: 'Đăng ký khai sinh', procedureCode: '1.001193', applicantName: 'Nguyễn Văn Mẫu', dueAt: at(2), status: 4 },
    { ...base, code: DEMO_CODES[1], procedureName: 'Đăng ký tạm trú', procedureCode: '1.004194', applicantName: 'Trần Thị Thử', dueAt: at(3), status: 5, missingDocuments: ['Hợp đồng thuê nhà có chữ ký của chủ nhà'] },
    { ...base, code: DEMO_CODES[2], procedureName: 'Cấp đổi giấy phép lái xe', procedureCode: '3.000347', applicantName: 'Lê Văn Demo', dueAt: '2026-11-19T17:00:00+07:00', status: 4 },
    { ...base, code: DEMO_CODES[3], procedureName: 'Cấp bản sao trích lục hộ tịch', procedureCode: '2.000635', applicantName: 'Phạm Thị Ví Dụ', dueAt: at(1), status: 9, resultDelivery: 'Bưu chính công ích: gửi đến địa chỉ đã đăng ký' },
  ];
}
