/**
 * News agencies as they are credited in bylines and datelines ("RND/dpa",
 * "(AFP)", "Reuters"). Credits are short, often lowercase ("dpa", "epd")
 * and sit outside sentences, where a tagger trained on running text has
 * no context to go on, so they are recognised from this list, case-
 * sensitively and only as whole tokens.
 */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set([
  'dpa', 'AFP', 'AP', 'Reuters', 'KNA', 'epd', 'SID', 'dts', 'ddp', 'APA', 'sda', 'SDA', 'Keystone-SDA', 'ANP', 'ANSA', 'EFE',
  'Belga', 'PAP', 'CTK', 'MTI', 'TASS', 'Interfax', 'Xinhua', 'Kyodo', 'Yonhap', 'KCNA', 'RIA', 'UPI', 'Bloomberg', 'RND', 'AA',
]);
