// Vietnamese text helpers: speech normalisation and diacritic folding. Pure, no I/O.
export { normaliseForSpeech, type SpeechNormaliseOptions } from './normalise';
export { foldVietnamese, foldWithOffsets, hasVietnameseDiacritics, type FoldOptions, type FoldedText } from './fold';
export { readInteger, readDecimal, readDigits, type NumberReadingOptions, type ZeroTensWord } from './number-words';
export { expandAbbreviations, ABBREVIATIONS, type Abbreviation } from './abbreviations';
