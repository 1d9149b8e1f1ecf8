/**
 * Citizen questions per aspect over the bundled knowledge/, end to end through
 * the real dialog: each asserts the figure or fact the reply must carry (an
 * amount, a time with its unit, a document, a condition, post), not wording.
 * The figures were checked against the catalogue record and the law cited in
 * each entry's `verification`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { testApp } from './helpers.js';
import { conversation } from './transcripts.js';

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await testApp());
});
afterAll(async () => cleanup());

/** `choose`: when the assistant asks which of several procedures is meant, the citizen picks this one. */
type Case = [question: string, heading: RegExp, facts: RegExp[], absent?: RegExp[], choose?: string];

function ask(cases: Case[]) {
  it.each(cases)('%s', async (question, heading, facts, absent = [], choose) => {
    const chat = conversation(app);
    let turn = await chat.say(question);
    const option = choose ? turn.buttons.find((b) => b.title === choose) : undefined;
    if (option) turn = await chat.say(option.value);
    const { text } = turn;
    expect(text).toMatch(heading);
    for (const fact of facts) expect(text).toMatch(fact);
    for (const wrong of absent) expect(text).not.toMatch(wrong);
    expect(text).not.toMatch(/chưa có thông tin/);
  });
}

describe('time', () => {
  ask([
    ['đăng ký kết hôn mất mấy ngày', /Thời gian giải quyết — Đăng ký kết hôn/, [/Trong ngày làm việc/, /05 ngày làm việc/]],
    ['nhận cha con thì bao lâu có kết quả', /Thời gian giải quyết — Đăng ký nhận cha, mẹ, con/, [/03 ngày làm việc/, /05 ngày làm việc/]],
    ['xin giấy xác nhận độc thân mất bao lâu', /Thời gian giải quyết/, [/03 ngày làm việc/]],
    ['rút bảo hiểm xã hội một lần bao lâu thì nhận tiền', /Thời gian giải quyết — .*một lần/i, [/07 ngày làm việc/]],
    ['làm hộ chiếu mất mấy ngày', /Thời gian giải quyết — .*hộ chiếu/i, [/08 ngày làm việc/]],
    ['đăng ký hộ kinh doanh mất mấy ngày', /Thời gian giải quyết — .*hộ kinh doanh/i, [/03 ngày làm việc/]],
    ['sang tên sổ đỏ mất bao lâu', /Thời gian giải quyết — .*(sổ đỏ|Sang tên)/i, [/08 ngày làm việc/]],
    ['tách thửa đất mất bao nhiêu ngày', /Thời gian giải quyết — .*(Tách|tách)/, [/12 ngày làm việc/]],
    ['khai tử bao lâu thì xong', /Thời gian giải quyết — Đăng ký khai tử/, [/Trong ngày làm việc/, /03 ngày làm việc/]],
  ]);
});

describe('fee', () => {
  ask([
    ['đăng ký khai sinh có mất tiền không', /Lệ phí — Đăng ký khai sinh/, [/Miễn lệ phí/, /60 ngày/, /8\.000 đồng\/bản/]],
    ['xin bản sao trích lục khai sinh hết bao nhiêu tiền', /Lệ phí/, [/8\.000 đồng/]],
    // What a citizen pays is the premium, not a procedure fee: 4,5% of the base salary (2.530.000 đồng from 01/7/2026), less for further members.
    ['mua bảo hiểm y tế hộ gia đình bao nhiêu tiền', /Lệ phí — .*bảo hiểm y tế/i, [/113\.850 đồng\/tháng/, /79\.695/, /45\.540/], [/^Miễn phí$/m]],
    ['đóng bảo hiểm xã hội tự nguyện mỗi tháng bao nhiêu', /bảo hiểm xã hội tự nguyện/i, [/330\.000/, /31\/12\/2026/]],
    // Thông tư 64/2025/TT-BTC halves these until 31/12/2026: the answer shows the half and its end date.
    // Set by the province: who sets it, and what else is paid and to whom (registration tax 0,5%, income tax 2%).
    ['sang tên sổ đỏ tốn những khoản tiền gì', /Lệ phí — .*(sổ đỏ|Sang tên)/i, [/Hội đồng nhân dân/, /0,5%/, /2%/], [], 'Sang tên sổ đỏ khi chuyển nhượng, tặng cho, thừa kế đất (đăng ký biến động)'],
    ['đổi thẻ căn cước hết bao nhiêu tiền', /Lệ phí — .*căn cước/i, [/25\.000 đồng\/thẻ/, /31\/12\/2026/], [/50\.000 đồng\/thẻ;/]],
    ['làm lại căn cước bị mất tốn bao nhiêu', /Lệ phí — .*căn cước/i, [/35\.000 đồng/, /31\/12\/2026/]],
    ['làm hộ chiếu bao nhiêu tiền', /Lệ phí — .*hộ chiếu/i, [/100\.000 đồng/, /31\/12\/2026/]],
    ['đổi bằng lái xe mất bao nhiêu tiền', /Lệ phí — .*giấy phép lái xe/i, [/115\.000 đồng/]],
    // Paper filing: lệ phí halved until 31/12/2026 plus the publication fee; online: no lệ phí.
    ['lệ phí thành lập công ty TNHH một thành viên', /Lệ phí — .*một thành viên/i, [/25\.000 đồng/, /100\.000 đồng/, /31\/12\/2026/], [], 'Thành lập công ty trách nhiệm hữu hạn một thành viên'],
    ['đăng ký thường trú online mất bao nhiêu tiền', /Lệ phí — Đăng ký thường trú/, [/20\.000 đồng/, /10\.000 đồng/]],
    ['chứng thực bản sao bao nhiêu tiền một trang', /Lệ phí — Chứng thực bản sao/, [/2\.000 đồng\/trang/, /200\.000 đồng/], [], 'Chứng thực bản sao từ bản chính (sao y bản chính)'],
    ['đăng ký kết hôn có tốn phí không', /Lệ phí — Đăng ký kết hôn/, [/Miễn lệ phí/, /8\.000 đồng/], [], 'Đăng ký kết hôn'],
  ]);
});

describe('documents', () => {
  ask([
    ['đăng ký thường trú cần giấy tờ gì', /Giấy tờ cần chuẩn bị — Đăng ký thường trú/, [/CT01/]],
    ['làm giấy khai sinh cho con cần mang gì', /Giấy tờ cần chuẩn bị — Đăng ký khai sinh/, [/Giấy chứng sinh/, /Tờ khai/]],
    ['khai tử cần giấy tờ gì', /Giấy tờ cần chuẩn bị — Đăng ký khai tử/, [/Giấy báo tử/]],
  ]);
});

describe('conditions', () => {
  ask([
    ['điều kiện rút bảo hiểm xã hội một lần', /Điều kiện — .*một lần/i, [/15 năm/, /12 tháng/, /20 năm/, /01\/7\/2025/]],
    ['điều kiện thu nhập mua nhà ở xã hội', /Điều kiện — .*nhà ở xã hội/i, [/20 triệu đồng/, /40 triệu đồng/]],
    ['điều kiện đăng ký kết hôn là gì', /Điều kiện — Đăng ký kết hôn/, [/20 tuổi/, /18 tuổi/]],
    ['điều kiện cấp giấy xác nhận tình trạng hôn nhân', /Điều kiện — Cấp Giấy xác nhận tình trạng hôn nhân/, [/06 tháng/]],
  ]);
});

describe('post', () => {
  ask([
    ['đăng ký kết hôn gửi qua bưu điện được không', /Gửi qua bưu điện — Đăng ký kết hôn/, [/gửi hồ sơ qua dịch vụ bưu chính công ích/, /Kết quả nhận trực tiếp/]],
    ['khai sinh có nhận kết quả qua bưu điện được không', /Gửi qua bưu điện — Đăng ký khai sinh/, [/nhận kết quả qua bưu điện/], [], 'Đăng ký khai sinh'],
  ]);
});
