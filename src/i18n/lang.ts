/** The two languages every text of the tool comes in. Here, not in the engine, so that every stage can name them. */
export type Lang = 'sv' | 'en';
export interface Localized {
  sv: string;
  en: string;
}
