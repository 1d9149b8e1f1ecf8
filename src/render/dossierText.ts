/**
 * A dossier's status in plain Vietnamese: the facts, what the status means,
 * what to do next, and how late it is when it is late.
 */
import type { DossierView } from '../dossiers/view.js';
import { vietnameseDate } from './procedureText.js';

const dateOf = (d: Date) => vietnameseDate(new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));

/** What the citizen should do now, for each status. */
export function nextStep(v: DossierView): string {
  const note = v.statusNote ? ` Ghi chú của cơ quan: ${v.statusNote}` : '';
  switch (v.status) {
    case 1:
      return `Hồ sơ đã được gửi và đang chờ cán bộ kiểm tra để tiếp nhận. Bạn chưa cần làm gì thêm.${note}`;
    case 2:
      return `Hồ sơ đã được tiếp nhận. Bạn chờ kết quả theo ngày hẹn.${note}`;
    case 3:
      return `Hồ sơ không được tiếp nhận.${note || ' Vui lòng liên hệ bộ phận một cửa để biết lý do.'} Bạn có thể hoàn thiện hồ sơ và nộp lại.`;
    case 4:
      return `Hồ sơ đang được xử lý. Bạn chờ kết quả theo ngày hẹn.${note}`;
    case 5: {
      const docs = v.missingDocuments.length > 0 ? `\n${v.missingDocuments.map((d) => `• ${d}`).join('\n')}` : ' (cơ quan sẽ ghi rõ trong thông báo gửi bạn)';
      return `Bạn cần bổ sung giấy tờ:${docs}\nBổ sung trực tiếp tại ${v.agency}, hoặc trực tuyến nếu bạn đã nộp hồ sơ trên Cổng Dịch vụ công.${note}`;
    }
    case 6:
      return `Bạn cần nộp phí, lệ phí hoặc nghĩa vụ tài chính trước khi nhận kết quả. Có thể thanh toán trực tuyến trên Cổng Dịch vụ công hoặc tại ${v.agency}.${note}`;
    case 7:
      return `Hồ sơ đã được rút theo yêu cầu của bạn.${note}`;
    case 8:
      return `Hồ sơ đã dừng xử lý.${note || ' Vui lòng liên hệ bộ phận một cửa để biết lý do.'}`;
    case 9:
      return v.byPost
        ? `Đã có kết quả. Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ bạn đăng ký.${note}`
        : `Đã có kết quả. Mời bạn đến nhận tại ${v.agency}${v.resultDelivery ? ` (${v.resultDelivery})` : ''}; nhớ mang theo phiếu hẹn và giấy tờ tùy thân.${note}`;
    case 10:
      return `Kết quả đã được trả${v.byPost ? ' qua bưu điện' : ''}. Thủ tục đã hoàn tất.${note}`;
  }
}

export function dossierText(v: DossierView): string {
  const lines = [
    `Hồ sơ ${v.code}`,
    `• Thủ tục: ${v.procedureName}`,
    `• Người nộp: ${v.maskedName}`,
    `• Cơ quan tiếp nhận: ${v.agency}`,
    `• Ngày tiếp nhận: ${dateOf(v.receivedAt)}`,
    v.dueAt ? `• Ngày hẹn trả kết quả: ${dateOf(v.dueAt)}` : undefined,
    `• Trạng thái: ${v.statusLabel}`,
    '',
    nextStep(v),
  ];
  if (v.workingDaysLate !== null) {
    lines.push(
      '',
      `Hồ sơ đã quá hạn ${v.workingDaysLate} ngày làm việc so với ngày hẹn. Theo quy định, cơ quan giải quyết phải gửi ` +
        'thư xin lỗi và hẹn lại ngày trả kết quả cho bạn. Nếu chưa nhận được, bạn có thể phản ánh để được xem xét.',
    );
  }
  return lines.filter((l) => l !== undefined).join('\n');
}
