/**
 * The ways archives write "number" before a number: "No.", "Nº", "N°", "Nos.", the Cyrillic
 * numero sign "№" (what Windows-1251 copies carry), and "N?" where a scraper lost the sign.
 * A regular-expression source, to be embedded in larger patterns.
 */
export const NUMBER_SIGN = String.raw`(?:N(?:o\.?|º|°|\?)s?|№)\s*`;
