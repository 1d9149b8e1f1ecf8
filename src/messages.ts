/**
 * Every citizen-facing Vietnamese string, in one place, so wording can be
 * reviewed (and localised) without reading code.
 */
import type { Aspect } from './language/aspects.js';
import { CONTENT_MAX_CHARS, type FieldProblem } from './complaints/fields.js';
import type { CodeProblem } from './dossiers/dossierCode.js';

export interface MessageSettings {
  /** e.g. "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh". */
  locality: string;
  hotline: string;
}

/** Button labels double as the text the button sends: each is an aspect cue phrase. */
export const ASPECT_LABELS: Record<Aspect, string> = {
  documents: 'Giấy tờ cần chuẩn bị',
  steps: 'Các bước thực hiện',
  fee: 'Lệ phí',
  time: 'Thời gian giải quyết',
  where: 'Nơi nộp hồ sơ',
  online: 'Nộp trực tuyến',
  post: 'Gửi qua bưu điện',
  conditions: 'Điều kiện',
  result: 'Kết quả nhận được',
  legal: 'Căn cứ pháp lý',
};

/** Detail buttons, in this order, for the aspects an entry has something on (at most five on screen). */
export const DETAIL_ASPECTS: readonly Aspect[] = ['documents', 'steps', 'conditions', 'fee', 'time', 'where', 'result', 'online', 'post', 'legal'];
/** What a procedure summary already shows, so it gets no button there. */
export const SUMMARY_FACT_ASPECTS: readonly Aspect[] = ['fee', 'time', 'where', 'online', 'post'];

/** Labels of the facts in a procedure summary. */
export const FACT_LABELS = {
  agency: 'Cơ quan giải quyết',
  where: 'Nơi nộp',
  time: 'Thời gian',
  fee: 'Lệ phí',
  online: 'Nộp trực tuyến',
  post: 'Bưu điện',
  reform: 'Lưu ý',
} as const;

export const CHANNEL_LABELS = { online: 'Trực tuyến', 'in-person': 'Trực tiếp', post: 'Qua bưu điện' } as const;

export const ONLINE_LEVELS = {
  full: 'Có — dịch vụ công trực tuyến toàn trình (làm hoàn toàn trên mạng)',
  partial: 'Có — dịch vụ công trực tuyến một phần (nộp hồ sơ trên mạng, có bước phải đến trực tiếp)',
  unspecified: 'Có thể nộp trực tuyến',
  none: 'Chưa nộp trực tuyến được; vui lòng nộp trực tiếp hoặc qua bưu điện (nếu có)',
} as const;

export const EXAMPLE_QUESTIONS = [
  'Làm giấy khai sinh cần giấy tờ gì?',
  'Đổi bằng lái xe mất bao lâu?',
  'Đăng ký tạm trú online được không?',
];

/** The national sync statuses of a dossier, as the portal names them. */
export const DOSSIER_STATUS_LABELS = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;

function codeProblem(p: CodeProblem): string {
  switch (p.kind) {
    case 'date': return `phần ngày tiếp nhận "${p.part}" không phải ngày hợp lệ (dạng năm-tháng-ngày, ví dụ 241120 là ngày 20/11/2024)`;
    case 'sequence': return `phần số thứ tự "${p.part}" phải có đúng 4 chữ số (ví dụ 0007)`;
    case 'separator': return 'ngày tiếp nhận và số thứ tự cần được tách bằng dấu gạch ngang (ví dụ 241120-0007)';
    case 'parts': return 'mã hồ sơ cần đủ 3 phần: mã cơ quan, ngày tiếp nhận (6 chữ số) và số thứ tự (4 chữ số), ví dụ 000.00.15.H57-241120-0007';
  }
}

/** Read out in a list: "một là", "hai là"… */
const SPOKEN_ORDINALS = ['một là', 'hai là', 'ba là', 'bốn là', 'năm là', 'sáu là', 'bảy là', 'tám là', 'chín là', 'mười là'];

export function createMessages(s: MessageSettings) {
  const hotline = `tổng đài ${s.hotline}`;
  return {
    welcome:
      `Xin chào! Tôi là trợ lý ảo của ${s.locality}. Tôi có thể hướng dẫn anh/chị về thủ tục hành chính: ` +
      `cần giấy tờ gì, các bước, lệ phí, thời gian, nộp ở đâu và nộp trực tuyến được không.\n\n` +
      `Anh/chị cứ hỏi bằng lời của mình, có dấu hay không dấu đều được. Cần người hỗ trợ, xin gọi ${hotline}.`,
    examplesIntro: 'Anh/chị có thể thử hỏi:',
    help:
      'Anh/chị hãy gõ câu hỏi về thủ tục cần làm, ví dụ "làm giấy khai sinh cần giấy tờ gì" hoặc "đổi bằng lái mất bao lâu". ' +
      'Sau khi tôi trả lời, anh/chị có thể hỏi tiếp về giấy tờ, các bước, lệ phí, thời gian, nơi nộp hoặc nộp trực tuyến.\n\n' +
      `Gõ "hủy" để dừng việc đang làm, "bắt đầu lại" để bắt đầu từ đầu. Cần người hỗ trợ, xin gọi ${hotline}.`,
    greeting: 'Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?',
    thanks: `Dạ, không có gì ạ. Nếu cần thêm thông tin, anh/chị cứ hỏi tiếp hoặc gọi ${hotline}.`,
    cancelled: 'Đã hủy. Anh/chị có thể hỏi câu khác bất cứ lúc nào.',
    nothingToCancel: 'Hiện không có việc gì đang làm dở. Anh/chị cần hỏi thủ tục nào ạ?',
    restarted: 'Đã bắt đầu lại từ đầu.',
    unknown:
      'Xin lỗi, tôi chưa tìm được thủ tục phù hợp với câu hỏi của anh/chị, nên không dám trả lời để tránh hướng dẫn sai.\n\n' +
      'Anh/chị có thể hỏi lại ngắn gọn hơn, nêu tên việc cần làm (ví dụ "đăng ký kết hôn", "cấp lại thẻ căn cước"), ' +
      `hoặc gọi ${hotline} để được cán bộ hỗ trợ.`,
    /** Not covered by the bundled knowledge: the national catalogue's procedures (background check). */
    elsewhere: {
      intro: (one: boolean) =>
        'Thủ tục này hiện chưa có hướng dẫn chi tiết trên trợ lý ảo. Theo Cơ sở dữ liệu quốc gia về thủ tục hành chính, ' +
        (one ? 'việc anh/chị hỏi thuộc thủ tục:' : 'việc anh/chị hỏi có thể thuộc một trong các thủ tục:'),
      item: (name: string, code: string, handledBy: string | undefined, url: string | null) =>
        [`• ${name} (mã ${code})`, handledBy ? `  Nơi giải quyết: ${handledBy}` : '', url ? `  Hướng dẫn đầy đủ: ${url}` : ''].filter(Boolean).join('\n'),
      outro: `Anh/chị nên xem hướng dẫn đầy đủ theo đường dẫn trên trước khi đi nộp hồ sơ, hoặc gọi ${hotline} để được cán bộ hỗ trợ.`,
    },
    chooseMany: 'Câu hỏi của anh/chị có thể thuộc một trong các thủ tục dưới đây. Anh/chị hỏi về thủ tục nào ạ?',
    chooseOne: 'Có phải anh/chị muốn hỏi về thủ tục dưới đây không?',
    /** Variants of one procedure: they share the head ("Đăng ký kết hôn") or what they apply to ("đối với công trình cấp III, cấp IV"). */
    chooseVariant: (shared: 'head' | 'tail', common: string) =>
      shared === 'head'
        ? `Thủ tục "${common}" có nhiều trường hợp. Anh/chị thuộc trường hợp nào dưới đây ạ?`
        : `Anh/chị cần làm việc nào dưới đây (${common}) ạ?`,
    variantPlain: 'Trường hợp thông thường',
    otherProcedure: (name: string) => `Thủ tục khác: ${name}`,
    chooseHintPlain: 'Trả lời bằng số thứ tự (ví dụ: 1), hoặc gõ "hủy" để hỏi câu khác.',
    notThisOne: 'Không phải',
    notThisOneReply: 'Vậy anh/chị hãy mô tả rõ hơn việc cần làm, hoặc gọi ' + hotline + ' để được hỗ trợ.',
    menuHintPlain: 'Anh/chị muốn xem thêm? Trả lời bằng số:',
    followUpHint: 'Anh/chị có thể hỏi tiếp về giấy tờ, các bước, lệ phí, thời gian hoặc nơi nộp.',
    stale: (date: string) =>
      `Lưu ý: thông tin này được kiểm tra lần cuối ngày ${date}; quy định có thể đã thay đổi, ` +
      'vui lòng xác nhận lại tại bộ phận một cửa trước khi nộp hồ sơ.',
    reformNotice: (old: string, now: string, basis: string | null) =>
      `Dữ liệu thủ tục còn ghi "${old}", cơ quan này không còn sau sắp xếp bộ máy năm 2025. Nay: ${now}${basis ? ` (${basis})` : ''}. ` +
      'Anh/chị nên hỏi bộ phận một cửa để được hướng dẫn nơi nộp.',
    feeSetBy: (source: string) => `(theo ${source})`,
    feeGeneral: (text: string) => `Quy định chung: ${text}`,
    feeUntil: (date: string) => `(áp dụng đến hết ngày ${date})`,
    feeEnded: (date: string) =>
      `Mức thu thay đổi từ ngày ${date} và tôi chưa có mức mới. Anh/chị vui lòng hỏi bộ phận một cửa hoặc gọi ${hotline} trước khi nộp.`,
    onlineAt: 'Nộp tại:',
    formLabel: 'mẫu:',
    post: {
      submitYes: 'Có thể gửi hồ sơ qua dịch vụ bưu chính công ích.',
      submitNo: 'Không nhận hồ sơ gửi qua bưu điện.',
      receiveYes: 'Có thể đăng ký nhận kết quả qua bưu điện (trả cước cho bưu điện).',
      receiveNo: 'Kết quả nhận trực tiếp, không gửi qua bưu điện.',
      receiveUnknown: `Nhận kết quả qua bưu điện: xin hỏi bộ phận một cửa hoặc ${hotline}.`,
    },
    missing: (what: string) =>
      `Hiện tôi chưa có thông tin về ${what} của thủ tục này. Vui lòng hỏi bộ phận một cửa hoặc gọi ${hotline}.`,
    dossier: {
      askCode:
        'Anh/chị cho tôi xin mã hồ sơ nhé. Mã được in trên Phiếu tiếp nhận và hẹn trả kết quả, hoặc trong tin nhắn SMS/email ' +
        'báo đã nhận hồ sơ, có dạng 000.00.15.H57-241120-0007.',
      badCode: (problem: CodeProblem) => `Mã hồ sơ chưa đúng: ${codeProblem(problem)}. Anh/chị kiểm tra lại và gửi lại mã giúp tôi.`,
      tooManyBadCodes: `Tôi chưa đọc được mã hồ sơ. Anh/chị vui lòng kiểm tra lại phiếu hẹn, hoặc gọi ${hotline} để được tra cứu.`,
      askPhone:
        'Để bảo vệ thông tin của anh/chị, vui lòng cho biết 4 số cuối của số điện thoại đã đăng ký trên hồ sơ.',
      badPhone: 'Vui lòng nhập đúng 4 chữ số cuối của số điện thoại (ví dụ: 5678).',
      notVerified:
        'Tôi không tìm thấy hồ sơ khớp với mã và 4 số điện thoại anh/chị cung cấp. Anh/chị kiểm tra lại mã trên phiếu hẹn ' +
        'và số điện thoại đã khai khi nộp hồ sơ nhé.',
      locked: `Mã hồ sơ này tạm thời bị khóa tra cứu qua tin nhắn do nhập sai nhiều lần. Vui lòng gọi ${hotline} hoặc đến bộ phận một cửa để được hỗ trợ.`,
      rateLimited: `Anh/chị đã tra cứu nhiều mã hồ sơ trong một giờ. Vui lòng thử lại sau, hoặc gọi ${hotline}.`,
      unavailable: `Hệ thống tra cứu hồ sơ đang không phản hồi. Anh/chị vui lòng thử lại sau ít phút hoặc gọi ${hotline}.`,
      subscribeLabel: 'Báo cho tôi khi có kết quả',
      feedbackLabel: 'Phản ánh về hồ sơ này',
      subscribed: (code: string) => `Đã đăng ký. Khi hồ sơ ${code} có thay đổi, tôi sẽ nhắn cho anh/chị ngay trong cuộc trò chuyện này.`,
      alreadyClosed: 'Hồ sơ này đã có kết quả cuối cùng nên không cần theo dõi thêm.',
      subscribeNeedsLookup: 'Anh/chị cần tra cứu hồ sơ trước, rồi tôi mới đăng ký nhận thông báo được.',
      changed: (code: string) => `Hồ sơ ${code} vừa được cập nhật:`,
      title: (code: string) => `Hồ sơ ${code}`,
      labels: {
        procedure: 'Thủ tục',
        applicant: 'Người nộp',
        agency: 'Cơ quan tiếp nhận',
        received: 'Ngày tiếp nhận',
        due: 'Ngày hẹn trả kết quả',
        status: 'Trạng thái',
        late: (days: number) => `quá hạn ${days} ngày làm việc`,
      },
      agencyNote: (note: string) => `Ghi chú của cơ quan: ${note}`,
      askWhy: 'Anh/chị vui lòng liên hệ bộ phận một cửa để biết lý do.',
      overdue: (days: number) =>
        `Hồ sơ đã quá ngày hẹn ${days} ngày làm việc. Theo quy định, cơ quan giải quyết phải gửi phiếu xin lỗi và hẹn lại ngày trả kết quả; ` +
        'nếu anh/chị chưa nhận được, anh/chị có thể gửi phản ánh để được xem xét.',
      next: {
        submitted: 'Hồ sơ đã được gửi và đang chờ cán bộ kiểm tra để tiếp nhận. Anh/chị chưa cần làm gì thêm.',
        accepted: 'Hồ sơ đã được tiếp nhận. Anh/chị chờ kết quả theo ngày hẹn.',
        refused: 'Hồ sơ không được tiếp nhận.',
        resubmit: 'Anh/chị có thể hoàn thiện hồ sơ và nộp lại.',
        processing: 'Hồ sơ đang được xử lý. Anh/chị chờ kết quả theo ngày hẹn.',
        supplement: 'Anh/chị cần bổ sung giấy tờ:',
        supplementUnlisted: '(cơ quan sẽ ghi rõ trong thông báo gửi anh/chị)',
        supplementWhere: (agency: string) => `Bổ sung trực tiếp tại ${agency}, hoặc trực tuyến nếu anh/chị đã nộp hồ sơ trên Cổng Dịch vụ công.`,
        pay: (agency: string) =>
          `Anh/chị cần nộp phí, lệ phí hoặc nghĩa vụ tài chính trước khi nhận kết quả. Có thể thanh toán trực tuyến trên Cổng Dịch vụ công hoặc tại ${agency}.`,
        withdrawn: 'Hồ sơ đã được rút theo yêu cầu của anh/chị.',
        stopped: 'Hồ sơ đã dừng xử lý.',
        readyByPost: 'Đã có kết quả. Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ anh/chị đăng ký.',
        readyAt: (agency: string, delivery: string | null) =>
          `Đã có kết quả. Mời anh/chị đến nhận tại ${agency}${delivery ? ` (${delivery})` : ''}; nhớ mang theo phiếu hẹn và giấy tờ tùy thân.`,
        returned: (byPost: boolean) => `Kết quả đã được trả${byPost ? ' qua bưu điện' : ''}. Thủ tục đã hoàn tất.`,
      },
    },
    feedback: {
      problems: {
        'content-empty': 'Nội dung phản ánh đang để trống. Anh/chị vui lòng mô tả sự việc trong vài câu.',
        'content-short': 'Nội dung hơi ngắn. Anh/chị vui lòng mô tả rõ hơn trong vài câu: việc gì, ở đâu, khi nào, mong muốn được giải quyết thế nào.',
        'content-long': `Nội dung dài quá ${CONTENT_MAX_CHARS} ký tự. Anh/chị vui lòng tóm tắt ngắn gọn hơn; giấy tờ kèm theo có thể gửi sau khi có mã phản ánh.`,
        'name-letters': 'Họ tên chỉ gồm chữ cái. Anh/chị vui lòng nhập lại họ và tên đầy đủ.',
        'name-full': 'Anh/chị vui lòng nhập đầy đủ họ và tên (ví dụ: Nguyễn Văn An).',
        'address-vague': 'Địa chỉ chưa đủ rõ. Anh/chị vui lòng ghi số nhà (nếu có), thôn/tổ, xã/phường, tỉnh/thành phố.',
        'address-long': 'Địa chỉ dài quá 300 ký tự, anh/chị vui lòng ghi ngắn gọn hơn.',
        'phone-digits': 'Số điện thoại chỉ gồm chữ số (có thể có dấu cách hoặc dấu chấm). Ví dụ: 0912 345 678.',
        'phone-format': 'Số điện thoại chưa đúng: số di động có 10 chữ số (bắt đầu bằng 03, 05, 07, 08, 09), số cố định có 11 chữ số (bắt đầu bằng 02).',
        'email-format': 'Địa chỉ email chưa đúng (ví dụ: ten@gmail.com). Nếu không có email, anh/chị gõ "không".',
      } satisfies Record<FieldProblem, string>,
      khieuNai:
        'Khiếu nại đối với một quyết định hành chính hoặc hành vi hành chính được giải quyết theo Luật Khiếu nại: ' +
        'anh/chị gửi đơn đến chính cơ quan đã ra quyết định (hoặc cơ quan cấp trên trực tiếp của cơ quan đó), ' +
        'thường trong vòng 90 ngày kể từ khi biết quyết định. Trợ lý ảo không nhận đơn khiếu nại.',
      toCao:
        'Tố cáo hành vi vi phạm pháp luật của cán bộ, công chức được giải quyết theo Luật Tố cáo: anh/chị gửi đơn hoặc ' +
        'đến trình bày trực tiếp với người đứng đầu cơ quan quản lý cán bộ đó, hoặc cơ quan thanh tra cùng cấp. ' +
        'Trợ lý ảo không nhận đơn tố cáo.',
      offerAnyway:
        'Nếu anh/chị muốn phản ánh, kiến nghị về thủ tục hành chính hoặc cách cán bộ thực hiện thủ tục (ví dụ đòi giấy tờ không có ' +
        'trong quy định, trễ hẹn mà không báo), tôi có thể ghi nhận ngay bây giờ. Anh/chị có muốn gửi phản ánh không? (có / không)',
      declined: 'Vâng. Khi cần phản ánh, anh/chị cứ nhắn "tôi muốn phản ánh" nhé.',
      draftExpired:
        'Phản ánh anh/chị soạn dở lần trước chưa được gửi và đã được xoá vì lâu không có trả lời, cùng họ tên, địa chỉ, số điện thoại đã nhập ' +
        '(để bảo vệ thông tin cá nhân của anh/chị). Khi cần, anh/chị nhắn "tôi muốn phản ánh" để bắt đầu lại.',
      offerLabel: 'Gửi phản ánh, kiến nghị',
      askContent:
        'Anh/chị vui lòng mô tả nội dung phản ánh, kiến nghị trong vài câu: việc gì, ở đâu, khi nào, và anh/chị mong muốn được giải quyết thế nào.',
      askRelated: 'Phản ánh này liên quan đến thủ tục hoặc hồ sơ nào? (ghi tên thủ tục hoặc mã hồ sơ; gõ "không" nếu không có)',
      consent: (locality: string) =>
        'Để cơ quan có thể xác minh và trả lời, theo quy định về tiếp nhận phản ánh, kiến nghị, tôi cần họ tên, địa chỉ và số điện thoại ' +
        `của anh/chị (email nếu có). Thông tin này chỉ được chuyển đến Phòng Kiểm soát thủ tục hành chính — ${locality} và cán bộ được giao xử lý, ` +
        'chỉ dùng để xem xét và trả lời phản ánh, không công khai. Anh/chị có đồng ý cung cấp không? (có / không)',
      consentUnclear: 'Anh/chị vui lòng trả lời "có" hoặc "không".',
      consentRefused:
        `Vâng, tôi sẽ không thu thập thông tin cá nhân và phản ánh chưa được gửi. Anh/chị vẫn có thể phản ánh trực tiếp qua ${hotline} hoặc tại bộ phận một cửa.`,
      askName: 'Họ và tên đầy đủ của anh/chị là gì?',
      askAddress: 'Địa chỉ liên hệ của anh/chị (số nhà, thôn/tổ, xã/phường, tỉnh/thành phố)?',
      askPhone: 'Số điện thoại liên hệ của anh/chị?',
      askEmail: 'Email của anh/chị (không bắt buộc — gõ "không" nếu không có)?',
      review: 'Anh/chị kiểm tra lại thông tin phản ánh:',
      reviewHint:
        'Gõ "gửi" để gửi phản ánh; hoặc gõ tên mục cần sửa (nội dung, liên quan, họ tên, địa chỉ, số điện thoại, email); hoặc "hủy" để bỏ.',
      reviewUnclear: 'Tôi chưa rõ ý anh/chị. Gõ "gửi" để gửi, tên mục cần sửa (ví dụ "sửa địa chỉ"), hoặc "hủy".',
      sendLabel: 'Gửi phản ánh',
      fields: { content: 'Nội dung', related: 'Liên quan', name: 'Họ tên', address: 'Địa chỉ', phone: 'Số điện thoại', email: 'Email' },
      none: '(không có)',
      received: (code: string, forwarded: boolean) =>
        `Đã ghi nhận phản ánh của anh/chị. Mã theo dõi: ${code}.

` +
        (forwarded
          ? 'Phản ánh được chuyển đến Phòng Kiểm soát thủ tục hành chính để xem xét; khi có trả lời, tôi sẽ nhắn cho anh/chị trong cuộc trò chuyện này. '
          : 'Phản ánh đã được lưu để chuyển đến Phòng Kiểm soát thủ tục hành chính; khi có trả lời, tôi sẽ nhắn cho anh/chị trong cuộc trò chuyện này. ') +
        `Anh/chị có thể kiểm tra tình trạng bằng cách nhắn "kiểm tra phản ánh ${code}".`,
      alreadyReceived: (code: string) => `Phản ánh của anh/chị đã được ghi nhận trước đó với mã ${code}; tôi không tạo thêm bản mới.`,
      limitPhone: `Số điện thoại này đã gửi 3 phản ánh trong hôm nay. Vui lòng gửi tiếp vào ngày mai hoặc gọi ${hotline}.`,
      limitConversation: `Anh/chị đã gửi nhiều phản ánh trong một giờ. Vui lòng thử lại sau, hoặc gọi ${hotline}.`,
      askDigits: 'Để bảo vệ thông tin, vui lòng cho biết 4 số cuối của số điện thoại anh/chị đã khai khi gửi phản ánh.',
      notVerified: 'Tôi không tìm thấy phản ánh khớp với mã và 4 số điện thoại anh/chị cung cấp. Anh/chị kiểm tra lại giúp tôi nhé.',
      locked: `Mã phản ánh này tạm thời bị khóa tra cứu do nhập sai nhiều lần. Vui lòng gọi ${hotline}.`,
      status: (code: string, label: string, createdAt: string) => `Phản ánh ${code} (gửi lúc ${createdAt}): ${label}.`,
      answer: (answer: string) => `Trả lời của cơ quan:
${answer}`,
      answered: (code: string, label: string, answer: string | null) =>
        `Phản ánh ${code} của anh/chị đã được cập nhật: ${label}.` + (answer ? `

Trả lời của cơ quan:
${answer}` : ''),
    },
    /** What hotline staff read out to a caller (the staff console's script): spoken register, no lists or symbols. */
    script: {
      intro: (name: string) => `Dạ, về thủ tục ${name}:`,
      documents: (items: string[]) => `Anh/chị chuẩn bị ${items.map((d, i) => `${SPOKEN_ORDINALS[i] ?? `thứ ${i + 1} là`} ${d}`).join('; ')}.`,
      documentsCase: (label: string) => `${label.replace(/^\p{Ll}/u, (c) => c.toUpperCase())}:`,
      where: (place: string) => `Anh/chị nộp hồ sơ tại ${place}.`,
      time: (time: string) => `Thời gian giải quyết: ${time}.`,
      fee: (fee: string) => `Lệ phí: ${fee}.`,
      online: (url: string | null) => `Anh/chị cũng có thể nộp trực tuyến${url ? ` tại ${url}` : ' trên Cổng Dịch vụ công quốc gia'}.`,
      post: 'Hồ sơ có thể gửi qua bưu điện.',
      closing: `Nếu cần hỗ trợ thêm, anh/chị gọi lại ${hotline} ạ.`,
      feedbackCode: (code: string) => `Phản ánh của anh/chị đã được ghi nhận, mã theo dõi là ${code.split('').join(' ')}.`,
    },
    error: `Xin lỗi, hệ thống vừa gặp sự cố nên chưa trả lời được. Anh/chị vui lòng hỏi lại sau ít phút hoặc gọi ${hotline}.`,
    hotline,
  };
}

export type Messages = ReturnType<typeof createMessages>;
