import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';

export const readDraft = (name: string) => readFileSync(path.join(ROOT, 'test/e2e/drafts', name), 'utf8');

/** spec-build.md after the preferred fix for its first missing clause (incident-response): the same in every editor. */
export function specBuildAfterIncidentFix(): string {
  return readDraft('spec-build.md').replace(
    '### (6) 履行状況の確認',
    [
      '### (5) 情報セキュリティが侵害された場合の対処',
      '',
      '- 本調達に係る業務の遂行において情報セキュリティが侵害され又はそのおそれがある場合には、速やかに委託元に報告すること。これに該当する場合には、以下の事象を含む。',
      // The draft calls the contractor 受注者, so the template's 委託先 is written that way.
      '  - 受注者に提供し、又は受注者によるアクセスを認める外務省の情報の外部への漏えい及び目的外利用',
      '  - 受注者の者による外務省のその他の情報へのアクセス',
      '',
      '### (6) 履行状況の確認',
    ].join('\n'),
  );
}
