import { defineRule, type Report } from './rule';
import type { DraftContext } from '../context';
import { messages } from '../messages';

/** `important-information`: 付録1 / 第Ⅰ部5.1 — such work may not be outsourced without a recorded exception. */
function check(ctx: DraftContext): Array<Report<{ option: string; approvalOption: string }>> {
  const rule = ctx.catalog.def.importantInformation;
  const fm = ctx.frontMatter;
  if (!Object.hasOwn(fm.options, rule.option) || fm.options[rule.option] !== true) return [];
  const approval = Object.hasOwn(fm.options, rule.approvalOption) ? fm.options[rule.approvalOption] : undefined;
  if (typeof approval === 'string' && approval.trim() && approval !== '{}') return [];
  const span = fm.optionSpans[rule.option] ?? fm.span;
  return [
    {
      severity: 'error',
      message: messages.importantInformation(ctx.locale, rule.basis, rule.approvalOption),
      start: span[0],
      end: span[1],
      data: { option: rule.option, approvalOption: rule.approvalOption },
    },
  ];
}

export default defineRule<{ option: string; approvalOption: string }>({
  code: 'important-information',
  severity: 'error',
  title: { ja: '重要な情報を取り扱う業務の外部委託', en: 'Outsourcing work that handles important information' },
  description: {
    ja: '重要な情報を取り扱う業務の外部委託について、雛形が求める承認・確認を示します。',
    en: 'The approval and checks the template asks for when outsourcing work that handles important information.',
  },
  docs: {
    summary:
      '付録1 / 第Ⅰ部5.1: work that handles 重要な情報 may not be outsourced unless `options.exception-approval` records the approval.',
    ja: '`options.important-information: true`（付録1 の重要な情報を取り扱う）の業務は、第Ⅰ部5.1 により外部委託できません。例外の承認（5.1(5)）を得ている場合は `options.exception-approval` に記録します。\n',
    en: 'With `options.important-information: true` (the work handles 重要な情報 of 付録1), 第Ⅰ部5.1 forbids outsourcing it unless the approval of 5.1(5) is recorded in `options.exception-approval`.\n',
  },
  check,
});
