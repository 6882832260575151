/**
 * Text extraction from the documents a city ingests into its knowledge base: HWP 5, HWPX, PDF, DOCX, HTML, plain
 * text (UTF-8 or CP949/EUC-KR), Markdown with YAML front matter, and PNG/JPEG/TIFF scans through OCR.
 *
 * <p>Plain Java, no Spring. {@link kr.mokmin.knowledge.parse.DocumentParsers} sniffs the format from the bytes (the
 * file name is only a hint for text subtypes and for a mismatch warning), enforces the {@link
 * kr.mokmin.knowledge.parse.ParseLimits} and hands the file to one {@link kr.mokmin.knowledge.parse.DocumentParser}.
 * The result is an {@link kr.mokmin.knowledge.parse.ExtractedDocument}: NFC text with {@code \n} line breaks, page and
 * table spans as character offsets into that text, metadata and warnings. Every refusal is a {@link
 * kr.mokmin.knowledge.parse.DocumentParseException} with a stable {@link
 * kr.mokmin.knowledge.parse.DocumentParseException.Reason}.
 */
package kr.mokmin.knowledge.parse;
