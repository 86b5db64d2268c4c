/**
 * Reading uploaded files into documents' Markdown text: the type detected by Apache Tika; HTML's main
 * content with jsoup, PDFs' headings and paragraphs with PDFBox, Word and PowerPoint with Tika,
 * Markdown and text as they are.
 */
package io.aegisrag.retrieval.parsing;
