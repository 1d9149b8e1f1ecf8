import { beforeAll, describe, expect, it } from 'vitest';
import { TurnRouter, type Expecting, type Turn } from '../src/guide/turnRouter.js';
import { bundledCatalogue } from './helpers.js';

let router: TurnRouter;
beforeAll(async () => {
  const catalogue = await bundledCatalogue();
  router = new TurnRouter((text) => catalogue.index.analyze(text));
});

const MENU = ['Đăng ký kết hôn', 'Đăng ký kết hôn có yếu tố nước ngoài', 'Gửi phản ánh'];
const main: Expecting = { kind: 'question' };
const mainWithMenu: Expecting = { kind: 'question', menu: MENU };
const justSent: Expecting = { kind: 'question', sent: true };
const yesNo: Expecting = { kind: 'yes-no' };
const digits: Expecting = { kind: 'digits' };
const menu: Expecting = { kind: 'menu', options: MENU };
const dossierCode: Expecting = { kind: 'dossier-code' };
const review: Expecting = { kind: 'review' };
const field: Expecting = { kind: 'field' };

const reply: Turn = { kind: 'reply' };
const cancel: Turn = { kind: 'command', command: 'cancel' };
const help: Turn = { kind: 'command', command: 'help' };
const question: Turn = { kind: 'question' };

/** Each row: what the conversation waits for, what the citizen typed, what the turn is. */
describe('turn router precedence', () => {
  it.each<[string, Expecting, string, Turn]>([
    // A yes/no question owns its answers: "đúng rồi" is a yes (not "dừng"), "thôi" a no, never a cancel.
    ['yes-no', yesNo, 'đúng rồi', reply],
    ['yes-no', yesNo, 'dung roi', reply],
    ['yes-no', yesNo, 'có ạ', reply],
    ['yes-no', yesNo, 'thôi', reply],
    ['yes-no', yesNo, 'không', reply],
    ['yes-no', yesNo, 'dừng', reply],
    ['yes-no', yesNo, 'hủy', cancel],
    ['yes-no', yesNo, 'huy', cancel],
    ['yes-no', yesNo, 'giúp', help],
    ['yes-no', yesNo, 'bắt đầu lại', { kind: 'command', command: 'restart' }],
    // Something else is read by the prompt, which asks again.
    ['yes-no', yesNo, 'thủ tục kết hôn', reply],
    ['yes-no', yesNo, 'xin chào', reply],
    // Phone digits are a reply, not a menu number or a dossier code.
    ['digits', digits, '1234', reply],
    ['digits', digits, '12 34', reply],
    ['digits', digits, 'hủy', cancel],
    // A menu on screen: by number, by ordinal, by name.
    ['menu', menu, '2', { kind: 'pick', index: 1 }],
    ['menu', menu, 'số 2', { kind: 'pick', index: 1 }],
    ['menu', menu, 'cái thứ hai', { kind: 'pick', index: 1 }],
    ['menu', menu, 'có yếu tố nước ngoài', { kind: 'pick', index: 1 }],
    ['menu', menu, 'gửi phản ánh', { kind: 'pick', index: 2 }],
    ['menu', menu, '7', reply],
    ['menu', menu, 'thôi', cancel],
    ['menu', menu, 'huỷ', cancel],
    // A dossier code prompt reads codes, also malformed ones (it says what is wrong).
    ['dossier-code', dossierCode, 'G22.99-250101-0001', reply],
    ['dossier-code', dossierCode, 'hủy', cancel],
    // Review: send, or the field to correct.
    ['review', review, 'gửi', reply],
    ['review', review, 'sửa địa chỉ', reply],
    ['review', review, 'hủy', cancel],
    // A field takes any text, thanks and greetings included; only the three flow commands leave it.
    ['field', field, 'Nguyễn Văn An', reply],
    ['field', field, 'cảm ơn', reply],
    ['field', field, 'xin chào', reply],
    ['field', field, 'hủy', cancel],
    // The main router: a number picks from the list on screen, other digits are a question.
    ['main', mainWithMenu, '2', { kind: 'pick', index: 1 }],
    ['main', mainWithMenu, 'số 3', { kind: 'pick', index: 2 }],
    ['main', mainWithMenu, '9', question],
    ['main', main, '2', question],
    ['main', mainWithMenu, '1234', question],
    ['main', main, 'G22.99-250101-0001', { kind: 'dossier', code: 'G22.99-250101-0001' }],
    ['main', main, 'tra cứu hồ sơ', { kind: 'dossier' }],
    ['main', main, 'hồ sơ của tôi đến đâu rồi', { kind: 'dossier' }],
    ['main', main, 'báo cho tôi khi có kết quả', { kind: 'subscribe' }],
    ['main', main, 'tôi muốn phản ánh cán bộ gây khó khăn', { kind: 'feedback' }],
    ['main', main, 'tôi muốn khiếu nại', { kind: 'feedback', formal: 'khieu-nai' }],
    ['main', main, 'xin chào', { kind: 'command', command: 'greeting' }],
    ['main', main, 'cảm ơn bạn', { kind: 'command', command: 'thanks' }],
    ['main', main, 'hủy', cancel],
    ['main', main, 'thủ tục đăng ký kết hôn', question],
    ['main', main, '   ', { kind: 'empty' }],
    // "gửi" just after a feedback was sent is a double tap, not a new feedback.
    ['main', justSent, 'gửi', { kind: 'resend' }],
    ['main', main, 'gửi', question],
  ])('%s: "%s"', (_, expecting, text, turn) => {
    expect(router.classify(text, expecting)).toEqual(turn);
  });
});

describe('turn router on codes', () => {
  it.each<[Expecting, string, Turn]>([
    [main, 'kiểm tra phản ánh PAKN-261124-0001', { kind: 'feedback-status', code: 'PAKN-261124-0001' }],
    [main, 'pakn 261124 0001', { kind: 'feedback-status', code: 'PAKN-261124-0001' }],
    // A feedback code beats the word "phản ánh" that would start a new feedback.
    [main, 'phản ánh PAKN-261124-0001 của tôi sao rồi', { kind: 'feedback-status', code: 'PAKN-261124-0001' }],
    [main, 'hồ sơ 000.00.15.H57-241120-0007', { kind: 'dossier', code: '000.00.15.H57-241120-0007' }],
    [main, 'hồ sơ H56.14-251340-0123', { kind: 'dossier', problem: { kind: 'date', part: '251340' } }],
    // Inside the feedback flow a code is field text (the related procedure or dossier).
    [field, '000.00.15.H57-241120-0007', reply],
  ])('"%s"', (expecting, text, turn) => {
    expect(router.classify(text, expecting)).toEqual(turn);
  });
});
