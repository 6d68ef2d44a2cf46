import * as vscode from 'vscode';

const DOCUMENTS = [
  { id: 'procurement-spec', ja: '調達仕様書', en: 'Procurement specification' },
  { id: 'contract', ja: '契約書（特記事項）', en: 'Contract (special terms)' },
];

const CATEGORIES = [
  { id: 'build', ja: '情報システムの構築等', en: 'Building a system / developing software' },
  { id: 'operation-onsite', ja: 'オンサイトサービス（運用）', en: 'On-site operation' },
  { id: 'operation-remote', ja: 'リモート運用サービス', en: 'Remote operation' },
  { id: 'operation-datacenter', ja: 'データセンター', en: 'Data centre' },
  { id: 'operation-asp', ja: 'ASPサービス', en: 'ASP service' },
  { id: 'operation-housing', ja: 'ハウジングサービス', en: 'Housing service' },
  { id: 'maintenance', ja: '保守・点検', en: 'Maintenance and inspection' },
  { id: 'processing', ja: '情報の加工・処理等（データ入力、集計）', en: 'Processing (data entry, tabulation)' },
  { id: 'storage-transport', ja: '情報の保存・運搬', en: 'Storage and transport' },
  { id: 'cloud', ja: '約款による情報処理サービス（クラウド）', en: 'Service under standard terms (cloud)' },
];

/** Asks for the document type and categories of a new draft. */
export async function chooseNewDraft(): Promise<{ document: string; categories: string[] } | undefined> {
  const ja = !vscode.env.language.startsWith('en');
  const doc = await vscode.window.showQuickPick(
    DOCUMENTS.map((d) => ({ label: ja ? d.ja : d.en, description: d.id, id: d.id })),
    { title: vscode.l10n.t('itaku: new draft'), placeHolder: vscode.l10n.t('Document type') },
  );
  if (!doc) return undefined;
  const categories = await vscode.window.showQuickPick(
    CATEGORIES.map((c) => ({ label: ja ? c.ja : c.en, description: c.id, id: c.id })),
    { title: vscode.l10n.t('itaku: new draft'), placeHolder: vscode.l10n.t('Business categories (one or more)'), canPickMany: true },
  );
  if (!categories?.length) return undefined;
  return { document: doc.id, categories: categories.map((c) => c.id) };
}
