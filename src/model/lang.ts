/** The two languages every text of the tool comes in. In the contract, so that every stage (and a plug-in's texts) can name them. */
export type Lang = 'sv' | 'en';
export interface Localized {
  sv: string;
  en: string;
}
