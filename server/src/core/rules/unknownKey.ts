import { defineRule, type Report } from './rule';
import { suggestionChanges } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';

/** `unknown-key`: a front-matter key (information) or an option (warning) itaku does not use. */
function check(ctx: DraftContext): Array<Report<{ suggestion: string }>> {
  return ctx.frontMatter.unknownKeys.map((k) => ({
    severity: k.option ? 'warning' : 'information',
    message: k.option
      ? messages.unknownOption(ctx.locale, k.name, k.suggestion)
      : messages.unknownKey(ctx.locale, k.name, k.suggestion),
    start: k.span[0],
    end: k.span[1],
    data: k.suggestion ? { suggestion: k.suggestion } : undefined,
  }));
}

export default defineRule<{ suggestion: string }>({
  code: 'unknown-key',
  severity: 'information',
  otherSeverity: 'warning',
  title: { ja: '使われないキー', en: 'Unknown key' },
  description: {
    ja: 'front matter または options のキーが itaku に使われません（綴りの誤りの可能性）。',
    en: 'A front-matter or options key is not used by itaku (possibly a typo).',
  },
  docs: {
    summary: 'A front-matter key (information) or an option (warning) itaku does not know, with the closest known one.',
    ja: 'front matter のキー（情報）または `options` のキー（警告）を itaku は使いません。綴りの誤りのことが多いので、近いキーを示し、クイックフィックスで直せます。\n',
    en: 'A front-matter key (information) or an `options` key (warning) is not used by itaku; usually a typo. The closest known key is suggested and offered as a fix.\n',
    example: '```yaml\noptions:\n  subcontract: prohibited   ← subcontracting\n```\n',
  },
  check,
  fixes: ({ ctx, data, start, end }) => suggestionChanges(ctx, data, start, end),
  replaces: 'finding',
});
