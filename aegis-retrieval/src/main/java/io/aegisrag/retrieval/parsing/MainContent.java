package io.aegisrag.retrieval.parsing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The part of an HTML page that its reader reads: {@code <main>}, else the element with
 * {@code role="main"}, else the {@code <article>} with the most text, else the smallest block that
 * holds most of the page's text outside links. From it are removed what documentation generators
 * (Sphinx, Javadoc, MkDocs, Docusaurus, Doxygen) and sites put around the text: navigation, page
 * headers and footers, sidebars, breadcrumbs, tables of contents, "skip to content" links, header-link
 * anchors (¶, #, link icons), cookie banners, forms, scripts and styles. Runs in time linear in the page.
 */
final class MainContent {

    private static final String NEVER_READ = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, input, select, textarea, dialog";
    private static final String AROUND_THE_TEXT = "nav, aside, footer, header[role=banner], [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=search], [role=complementary], [hidden], [aria-hidden=true], div.topic.contents, div.contents.local";
    private static final Set<String> BOILERPLATE_CLASSES = Set.of("related", "navbar", "navpath", "nav-path", "navigation", "toc",
            "toctree-wrapper", "table-of-contents", "headerlink", "hash-link", "anchorjs-link", "anchor-link", "permalink", "footer",
            "pagination", "pagination-nav", "prev-next", "rst-footer-buttons", "theme-edit-this-page", "theme-doc-toc-mobile",
            "theme-doc-footer", "md-footer", "md-header", "sr-only", "visually-hidden", "screen-reader-text", "modal", "table-tabs",
            "inherited-list");
    private static final Set<String> BOILERPLATE_CLASS_PARTS = Set.of("sidebar", "breadcrumb", "cookie", "skip-nav", "skip-link",
            "skip-to", "skiplink");
    private static final Set<String> BOILERPLATE_IDS = Set.of("toc", "sidebar", "side-nav", "nav-path", "navbar", "breadcrumbs",
            "cookie-banner", "cookie-consent", "footer", "header");
    private static final Set<String> LINK_MARKS = Set.of("", "¶", "#", "§", "🔗", "link", "permalink");
    private static final Set<String> NAVIGATION_WORDS = Set.of("next", "previous", "prev", "index", "top", "up", "home", "back",
            "contents", "table of contents", "next section", "previous section", "next page", "previous page");
    private static final int NAVIGATION_SENTENCE_MAX_CHARS = 120;
    private static final double SHARE_OF_TEXT = 0.7;

    private MainContent() {
    }

    /** The main content of {@code page}, stripped of what surrounds the text; the page itself is changed. */
    static Element of(Document page) {
        page.select(NEVER_READ).remove();
        Element root = page.selectFirst("main");
        if (root == null) {
            root = page.selectFirst("[role=main]");
        }
        if (root == null) {
            root = page.select("article").stream().max((a, b) -> Integer.compare(a.text().length(), b.text().length())).orElse(null);
        }
        strip(root == null ? page.body() : root);
        if (root == null) {
            page.body().select("header").remove();
            root = densest(page.body());
        }
        return root;
    }

    private static void strip(Element root) {
        root.select(AROUND_THE_TEXT).remove();
        root.select("*").stream().filter(MainContent::isBoilerplate).forEach(Element::remove);
        root.select("a").stream().filter(MainContent::isHeaderLink).forEach(Element::remove);
        root.select("ul, ol").stream().filter(MainContent::isPageContents).forEach(Element::remove);
        root.select("p, div").stream().filter(MainContent::isNavigationSentence).forEach(Element::remove);
    }

    private static boolean isBoilerplate(Element element) {
        for (String name : element.classNames()) {
            String cls = name.toLowerCase(Locale.ROOT);
            if (BOILERPLATE_CLASSES.contains(cls) || BOILERPLATE_CLASS_PARTS.stream().anyMatch(cls::contains)) {
                return true;
            }
        }
        return BOILERPLATE_IDS.contains(element.id().toLowerCase(Locale.ROOT)) && element.selectFirst("h1, h2, h3, h4, h5, h6") == null;
    }

    /** A link to a heading or definition, shown as a mark beside it: ¶, #, § or an icon. */
    private static boolean isHeaderLink(Element link) {
        String text = link.text().strip().toLowerCase(Locale.ROOT);
        return link.attr("href").startsWith("#") && LINK_MARKS.contains(text)
                && (text.length() == 1 || link.closest("h1, h2, h3, h4, h5, h6, dt") != null);
    }

    /** A list of at least three links to places on the same page and nothing else: the page's own table of contents. */
    private static boolean isPageContents(Element list) {
        var links = list.select("a");
        if (links.size() < 3 || links.stream().anyMatch(link -> !link.attr("href").startsWith("#"))) {
            return false;
        }
        int linkText = links.stream().mapToInt(link -> link.text().length()).sum();
        return linkText >= list.text().length() * 0.9;
    }

    /** A short block whose links all go to the next, previous, index or top page: "Go to the next section or return to the index." */
    private static boolean isNavigationSentence(Element block) {
        var links = block.select("a");
        return !links.isEmpty() && block.text().length() <= NAVIGATION_SENTENCE_MAX_CHARS
                && links.stream().allMatch(link -> NAVIGATION_WORDS.contains(link.text().strip().toLowerCase(Locale.ROOT)));
    }

    /** The smallest block under {@code body} that still holds most of its text outside links. */
    private static Element densest(Element body) {
        Map<Node, Integer> text = textOutsideLinks(body);
        Element current = body;
        while (true) {
            Element best = null;
            for (Element child : current.children()) {
                if (best == null || text.getOrDefault(child, 0) > text.getOrDefault(best, 0)) {
                    best = child;
                }
            }
            if (best == null || text.getOrDefault(best, 0) < SHARE_OF_TEXT * text.getOrDefault(current, 0)) {
                return current;
            }
            current = best;
        }
    }

    /** For every element under {@code root}, how many characters of text it holds outside links, in one pass. */
    private static Map<Node, Integer> textOutsideLinks(Element root) {
        Map<Node, Integer> lengths = new HashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node.nameIs("a")) {
                    linkDepth++;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node.nameIs("a")) {
                    linkDepth--;
                }
                int total = node instanceof TextNode t && linkDepth == 0 ? t.text().strip().length() : 0;
                for (Node child : node.childNodes()) {
                    total += lengths.getOrDefault(child, 0);
                }
                if (total > 0) {
                    lengths.put(node, total);
                }
            }
        }, root);
        return lengths;
    }
}
