package io.isolane.sessimulator.api;

import io.isolane.sessimulator.web.SesException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a sorted list and the token of the next, as SES list operations return them.
 *
 * @param items this page
 * @param nextToken token of the next page, or null on the last page
 * @param <T> item type
 */
record Pages<T>(List<T> items, String nextToken) {

  static <T> Pages<T> of(List<T> sorted, String token, Integer pageSize, int defaultSize) {
    int size = pageSize == null || pageSize <= 0 ? defaultSize : Math.min(pageSize, 1000);
    int from = token == null || token.isEmpty() ? 0 : decode(token);
    int to = Math.min(sorted.size(), from + size);
    String next = to < sorted.size() ? encode(to) : null;
    return new Pages<>(sorted.subList(Math.min(from, sorted.size()), to), next);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return Integer.parseInt(text.substring("offset:".length()));
    } catch (RuntimeException e) {
      throw new SesException(400, "InvalidNextTokenException", "Invalid NextToken.");
    }
  }
}
