// The core's own budget, apart so that the import stage can read it without loading the core.
/**
 * Characters of a document analysed at most (a real report is 20 000–200 000). Beyond it the text
 * is read up to the last line end before the budget, and document-too-large says so: the time and
 * memory of one analysis stay bounded (about a second here) whatever is pasted or opened.
 */
export const MAX_ANALYSED_CHARS = 1_000_000;
