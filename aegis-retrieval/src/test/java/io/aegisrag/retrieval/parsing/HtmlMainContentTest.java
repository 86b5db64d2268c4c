package io.aegisrag.retrieval.parsing;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.ParsedDocument;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.retrieval.chunking.MarkdownChunker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTML pages shaped as documentation generators write them, read into their main content only. */
class HtmlMainContentTest {

    private final TikaDocumentParser parser = new TikaDocumentParser(100_000);

    private ParsedDocument parse(String html) {
        return parser.parse("page.html", html.getBytes(StandardCharsets.UTF_8));
    }

    private List<Chunk> chunks(String html) {
        ParsedDocument parsed = parse(html);
        return new MarkdownChunker(800, 100).chunk(DocumentId.random(), parsed.title(), "page.html", parsed.text());
    }

    private static final String SPHINX = """
            <html><head><title>functools — Python 3.11 documentation</title><script>var x = 1;</script></head><body>
            <div class="related" role="navigation"><h3>Navigation</h3><ul><li><a href="genindex.html">index</a></li></ul></div>
            <div class="sphinxsidebar" role="navigation"><h3>Table of Contents</h3><ul><li><a href="#">functools</a></li></ul>
              <h4>Previous topic</h4><p class="topless"><a href="itertools.html">itertools</a></p>
              <h3>This Page</h3><ul class="this-page-menu"><li><a href="bugs.html">Report a Bug</a></li><li><a href="x.rst">Show Source</a></li></ul></div>
            <div class="body" role="main">
            <h1>functools — Higher-order functions<a class="headerlink" href="#module-functools" title="Permalink">¶</a></h1>
            <p>The <code class="xref"><span class="pre">functools</span></code> module is for higher-order functions.</p>
            <dl class="py function">
            <dt class="sig sig-object py" id="functools.lru_cache">@functools.lru_cache(user_function)<a class="headerlink" href="#functools.lru_cache">¶</a></dt>
            <dt class="sig sig-object py">@functools.lru_cache(maxsize=128, typed=False)</dt>
            <dd><p>Decorator to wrap a function with a memoizing callable that saves up to the maxsize most recent calls.</p>
            <div class="highlight"><pre>@lru_cache(maxsize=32)
            def get_pep(num):
                return num</pre></div></dd></dl>
            <dl class="py function">
            <dt class="sig sig-object py" id="functools.reduce">functools.reduce(function, iterable[, initializer])<a class="headerlink" href="#functools.reduce">¶</a></dt>
            <dd><p>Apply function of two arguments cumulatively to the items of iterable.</p></dd></dl>
            <p>Partial objects are like function objects in that they are callable.</p>
            </div>
            <div class="footer">© Copyright 2001-2026, Python Software Foundation.</div>
            </body></html>
            """;

    @Test
    void should_keep_only_the_main_content_of_a_sphinx_page() {
        ParsedDocument parsed = parse(SPHINX);

        assertThat(parsed.title()).isEqualTo("functools — Python 3.11 documentation");
        assertThat(parsed.text()).startsWith("# functools — Higher-order functions\n\nThe `functools` module is for higher-order functions.")
                .doesNotContain("Navigation", "Table of Contents", "Previous topic", "Report a Bug", "Show Source", "Copyright", "¶",
                        "var x");
    }

    @Test
    void should_make_each_api_entry_a_section_named_by_its_signatures() {
        List<Chunk> chunks = chunks(SPHINX);

        assertThat(chunks).extracting(Chunk::section).containsExactly(
                "functools — Higher-order functions",
                "functools — Higher-order functions > @functools.lru_cache(user_function) / @functools.lru_cache(maxsize=128, typed=False)",
                "functools — Higher-order functions > functools.reduce(function, iterable[, initializer])",
                "functools — Higher-order functions");
        assertThat(chunks.get(1).text()).startsWith("Decorator to wrap a function").contains("def get_pep(num):\n    return num")
                .doesNotContain("cumulatively");
        assertThat(chunks.get(3).text()).as("text after the entries is back in the page's section")
                .isEqualTo("Partial objects are like function objects in that they are callable.");
    }

    @Test
    void should_name_javadoc_members_by_their_signature_and_drop_the_navigation_bars() {
        String javadoc = """
                <html><head><title>Optional (Java SE 17 &amp; JDK 17)</title></head><body><div class="flex-box">
                <header role="banner" class="flex-header"><nav role="navigation"><div class="top-nav"><div class="skip-nav">
                <a href="#skip-navbar-top">Skip navigation links</a></div><ul class="nav-list"><li><a href="../../../index.html">Overview</a></li></ul>
                </div></nav></header>
                <div class="flex-content"><main role="main">
                <div class="header"><h1 title="Class Optional" class="title">Class Optional&lt;T&gt;</h1></div>
                <section class="method-summary"><h2>Method Summary</h2>
                <div class="table-tabs" role="tablist"><button>All Methods</button><button>Static Methods</button></div>
                <div class="summary-table three-column-summary">
                <div class="table-header col-first">Modifier and Type</div><div class="table-header col-second">Method</div><div class="table-header col-last">Description</div>
                <div class="col-first"><code>T</code></div><div class="col-second"><code><a href="#get()">get</a>()</code></div><div class="col-last">If a value is present, returns the value.</div>
                </div>
                <div class="inherited-list"><h3>Methods declared in class java.lang.Object</h3><code>clone, finalize</code></div></section>
                <section class="details"><h2>Method Details</h2><ul class="member-list"><li>
                <section class="detail" id="orElse(T)"><h3>orElse</h3>
                <div class="member-signature"><span class="modifiers">public</span>&nbsp;<span class="return-type">T</span>&nbsp;<span class="element-name">orElse</span>(T&nbsp;other)</div>
                <div class="block">If a value is present, returns the value, otherwise returns <code>other</code>.</div>
                <dl class="notes"><dt>Parameters:</dt><dd><code>other</code> - the value to be returned</dd></dl>
                </section></li></ul></section>
                </main>
                <footer role="contentinfo"><p class="legal-copy">Copyright © 1993, 2021, Oracle</p></footer></div></div></body></html>
                """;

        List<Chunk> chunks = chunks(javadoc);

        assertThat(chunks).extracting(Chunk::section).containsExactly("Class Optional<T> > Method Summary",
                "Class Optional<T> > Method Details > public T orElse(T other)");
        assertThat(chunks.get(0).text()).isEqualTo("""
                | Modifier and Type | Method | Description |
                |---|---|---|
                | T | get() | If a value is present, returns the value. |""");
        assertThat(chunks.get(1).text()).startsWith("If a value is present, returns the value, otherwise returns `other`.")
                .contains("Parameters:").doesNotContain("public T orElse");
        assertThat(String.join("\n", chunks.stream().map(Chunk::text).toList()))
                .doesNotContain("Skip navigation", "Overview", "All Methods", "Copyright", "clone, finalize");
    }

    @Test
    void should_name_doxygen_members_by_their_prototype_and_drop_its_tree_and_footer() {
        String doxygen = """
                <html><head><title>MyLib: Stack Class Reference</title></head><body>
                <div id="top"><div id="titlearea">MyLib 1.0</div></div>
                <div id="side-nav"><div id="nav-tree"><ul><li><a href="index.html">Main Page</a></li><li><a href="classes.html">Classes</a></li></ul></div></div>
                <div id="doc-content"><div class="header"><div class="headertitle"><div class="title">Stack Class Reference</div></div></div>
                <div class="contents">
                <div class="toc"><h3>Table of Contents</h3><ul><li><a href="#push">push</a></li><li><a href="#pop">pop</a></li><li><a href="#peek">peek</a></li></ul></div>
                <p>A stack of integers that grows as values are pushed and never shrinks its buffer.</p>
                <h2 class="groupheader">Member Function Documentation</h2>
                <h2 class="memtitle"><span class="permalink"><a href="#a1">&#9670;&nbsp;</a></span>push()</h2>
                <div class="memitem"><div class="memproto"><table class="memname"><tr><td class="memname">void Stack::push </td><td>(</td><td class="paramtype">int&nbsp;</td><td class="paramname"><em>value</em></td><td>)</td></tr></table></div>
                <div class="memdoc"><p>Pushes value on top of the stack, growing the buffer when it is full.</p></div></div>
                <p>Go to the <a href="next.html">next</a> section or return to the <a href="index.html">index</a>.</p>
                </div>
                <div id="nav-path" class="navpath"><ul><li class="footer">Generated by doxygen 1.9.4</li></ul></div></div>
                </body></html>
                """;

        List<Chunk> chunks = chunks(doxygen);

        assertThat(chunks).extracting(Chunk::section)
                .containsExactly("", "Member Function Documentation > void Stack::push ( int value )");
        assertThat(chunks.get(1).text()).isEqualTo("Pushes value on top of the stack, growing the buffer when it is full.");
        assertThat(String.join("\n", chunks.stream().map(Chunk::text).toList()))
                .doesNotContain("Main Page", "Table of Contents", "Generated by", "next section", "MyLib 1.0");
    }

    @Test
    void should_read_an_article_without_its_header_bar_sidebar_cookie_banner_and_footer_when_there_is_no_main_element() {
        String docusaurus = """
                <html><head><title>Install | Orvane</title></head><body>
                <div class="cookie-banner">We use cookies. <a href="/privacy">Accept</a></div>
                <a class="skip-to-content" href="#content">Skip to main content</a>
                <div class="navbar"><a href="/">Orvane</a><a href="/docs">Docs</a><a href="/blog">Blog</a></div>
                <div class="layout"><div class="docs-sidebar"><ul><li><a href="/docs/a">Intro</a></li><li><a href="/docs/b">Install</a></li></ul></div>
                <article><div class="theme-doc-markdown"><header><h1>Install</h1></header>
                <nav class="breadcrumbs"><a href="/">Home</a> / <a href="/docs">Docs</a></nav>
                <p>Unpack the Orvane archive into a folder of its own.</p>
                <h2 id="verify">Verify<a class="hash-link" href="#verify" title="Direct link to heading">#</a></h2>
                <pre><code>orvane --version
                </code></pre></div>
                <footer class="theme-doc-footer"><a href="/edit">Edit this page</a></footer>
                <nav class="pagination-nav"><a href="/docs/a">Previous Intro</a></nav></article></div>
                <footer class="footer">Copyright © 2026 Orvane</footer></body></html>
                """;

        ParsedDocument parsed = parse(docusaurus);

        assertThat(parsed.text()).isEqualTo("""
                # Install

                Unpack the Orvane archive into a folder of its own.

                ## Verify

                ```
                orvane --version
                ```""");
    }

    @Test
    void should_find_the_block_with_the_most_text_in_a_page_without_landmarks() {
        String page = """
                <html><head><title>Notes</title></head><body>
                <div id="menu"><a href="/a">Alpha</a> | <a href="/b">Beta</a> | <a href="/c">Gamma</a> | <a href="/d">Delta</a></div>
                <div id="text"><h1>Tides of Tarsis</h1><p>The tide at Tarsis turns every six hours and twelve minutes, and the harbour
                closes an hour before high water.</p><p>Ships wait in the outer basin until the gate opens again.</p></div>
                <div id="links"><a href="/1">Home</a> <a href="/2">Contact</a></div></body></html>
                """;

        assertThat(parse(page).text()).isEqualTo("""
                # Tides of Tarsis

                The tide at Tarsis turns every six hours and twelve minutes, and the harbour closes an hour before high water.

                Ships wait in the outer basin until the gate opens again.""");
    }

    @Test
    void should_keep_text_that_looks_like_markdown_as_text() {
        String page = "<html><body><main><h1>Shell</h1><p># not a heading</p><p>[a link](x) stays</p><pre>```\n# a comment\n```</pre></main></body></html>";

        List<Chunk> chunks = chunks(page);

        assertThat(chunks).extracting(Chunk::section).containsOnly("Shell");
        assertThat(chunks.get(0).text()).contains("# not a heading").contains("# a comment");
    }

    @Test
    void should_keep_characters_markdown_would_read_as_markup_as_the_page_shows_them() {
        String page = "<html><body><main><h1>Optional&lt;T&gt; *and* [more]</h1><p>Use List&lt;String&gt; with snake_case_names, "
                + "*stars*, &amp;amp; and a | pipe.</p><table><tr><th>a|b</th></tr><tr><td>&lt;T&gt;</td></tr></table></main></body></html>";

        List<Chunk> chunks = chunks(page);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.section()).isEqualTo("Optional<T> *and* [more]");
            assertThat(chunk.text()).isEqualTo("Use List<String> with snake_case_names, *stars*, &amp; and a | pipe.\n| a\\|b |\n|---|\n| <T> |");
        });
    }

    @Test
    void should_refuse_a_page_with_more_text_than_allowed() {
        String page = "<html><body><main><p>" + "word ".repeat(30_000) + "</p></main></body></html>";

        assertThatThrownBy(() -> parse(page)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("more than 100000 characters");
    }
}
