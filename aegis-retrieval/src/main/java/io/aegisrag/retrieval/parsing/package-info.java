/** Reading uploaded files (PDF, Word, PowerPoint, HTML, Markdown, text) into documents' text with Apache Tika. */
package io.aegisrag.retrieval.parsing;
