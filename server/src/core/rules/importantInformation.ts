import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';

/** `important-information`: 付録1 / 第Ⅰ部5.1 — such work may not be outsourced without a recorded exception. */
export function importantInformation(ctx: DraftContext): Finding[] {
  const rule = ctx.catalog.def.importantInformation;
  const fm = ctx.frontMatter;
  if (!Object.hasOwn(fm.options, rule.option) || fm.options[rule.option] !== true) return [];
  const approval = Object.hasOwn(fm.options, rule.approvalOption) ? fm.options[rule.approvalOption] : undefined;
  if (typeof approval === 'string' && approval.trim() && approval !== '{}') return [];
  const span = fm.optionSpans[rule.option] ?? fm.span;
  return [
    {
      code: 'important-information',
      severity: 'error',
      message: messages.importantInformation(ctx.locale, rule.basis, rule.approvalOption),
      start: span[0],
      end: span[1],
      data: { option: rule.option, approvalOption: rule.approvalOption },
    },
  ];
}
