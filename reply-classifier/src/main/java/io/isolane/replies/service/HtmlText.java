package io.isolane.replies.service;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an HTML body into the plain text a reader sees: block elements become line breaks, hidden
 * parts (head, style, script) disappear, and a {@code blockquote} becomes {@code >}-quoted lines so
 * that quote stripping treats HTML and plain-text replies alike.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "hr", "section", "article", "header", "footer", "address", "center", "dl", "dt", "dd");
  private static final Set<String> HIDDEN = Set.of("head", "style", "script", "title", "template");

  private HtmlText() {}

  /** The visible text of an HTML document, one line per block. */
  public static String of(String html) {
    StringBuilder out = new StringBuilder();
    render(Jsoup.parse(html).body(), out);
    return out.toString().replaceAll("[ \\t\\u00a0]+\n", "\n").replaceAll("\n{3,}", "\n\n").trim();
  }

  private static void render(Node node, StringBuilder out) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode text) {
        boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        // source indentation between blocks is not text
        out.append(lineStart ? text.text().stripLeading() : text.text());
      } else if (child instanceof Element element) {
        renderElement(element, out);
      }
    }
  }

  private static void renderElement(Element element, StringBuilder out) {
    String tag = element.normalName().toLowerCase(Locale.ROOT);
    if (HIDDEN.contains(tag)) {
      return;
    }
    if ("br".equals(tag)) {
      out.append('\n');
      return;
    }
    if ("blockquote".equals(tag)) {
      StringBuilder quoted = new StringBuilder();
      render(element, quoted);
      newLine(out);
      for (String line : quoted.toString().trim().split("\n", -1)) {
        out.append("> ").append(line).append('\n');
      }
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block) {
      newLine(out);
    }
    render(element, out);
    if (block) {
      newLine(out);
    } else if ("td".equals(tag) || "th".equals(tag)) {
      out.append(' ');
    }
  }

  private static void newLine(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
