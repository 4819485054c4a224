package com.mallservicedesk.intake.request;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the keys of the free-text index. Chinese (and other scripts written without spaces) has no word
 * boundaries a store could know, so it is cut into single characters and overlapping character pairs (bigrams): 中庭噴泉
 * gives 中, 庭, 噴, 泉, 中庭, 庭噴, 噴泉, and a query 噴泉 finds it by its one pair. Latin letters and digits form words,
 * indexed by every prefix up to {@value #MAX_WORD} characters, so "pump" finds "pumps" and 0001 finds M001-20261126-0001.
 * Any other visible character is its own token, so a literal "(.*)" is still found. Lower case throughout.
 */
final class SearchTokens {

    static final int MAX_WORD = 20;
    /** Per request: a very long text is searchable by its first this-many distinct tokens. */
    static final int MAX_PER_DOCUMENT = 1000;
    /** Per query: the first this-many tokens narrow the candidates; the literal match on them decides. */
    static final int MAX_PER_QUERY = 16;

    private SearchTokens() {
    }

    /** The tokens a stored text is found by. */
    static Set<String> ofDocument(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                split(text, true, tokens, MAX_PER_DOCUMENT);
            }
        }
        return tokens;
    }

    /**
     * The tokens a request is found by. Its number ({@code M001-20261126-0071}) by the whole words that tell it from
     * the mall's other requests: its day and its sequence. Every prefix of every word of it, the mall's code and the
     * dashes were half of a request's tokens, each shared by all of the mall's requests (of the day), so they
     * narrowed nothing and their postings were the largest the index kept. The other texts as {@link #ofDocument}.
     */
    static Set<String> ofRequest(String mallId, String number, String... texts) {
        // Exactly what a query of the number in the mall looks up, so index and query cannot drift apart.
        Set<String> tokens = ofQuery(mallId, number);
        tokens.addAll(ofDocument(texts));
        return tokens;
    }

    /**
     * The tokens of a query in one mall: as {@link #ofQuery(String)}, without those of the mall's code and the dash,
     * which a request's number is not indexed by. The literal match of the whole text still checks them.
     */
    static Set<String> ofQuery(String mallId, String text) {
        Set<String> tokens = ofQuery(text);
        tokens.remove("-");
        tokens.removeAll(ofDocument(mallId));
        return tokens;
    }

    /** The tokens every document containing {@code text} has: each must be found for a match. */
    static Set<String> ofQuery(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text != null) {
            split(text, false, tokens, MAX_PER_QUERY);
        }
        return tokens;
    }

    private static void split(String text, boolean document, Set<String> tokens, int max) {
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && tokens.size() < max) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isUnspaced(cp)) {
                int end = next;
                while (end < s.length() && isUnspaced(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                addRun(s.substring(i, end), document, tokens, max);
                i = end;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = next;
                while (end < s.length() && Character.isLetterOrDigit(s.codePointAt(end)) && !isUnspaced(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                addWord(s.substring(i, end), document, tokens, max);
                i = end;
            } else {
                if (!Character.isWhitespace(cp) && !Character.isISOControl(cp)) {
                    tokens.add(new String(Character.toChars(cp)));
                }
                i = next;
            }
        }
    }

    /** A run of Chinese (or Japanese, Korean) characters: characters and pairs in a document; pairs in a query. */
    private static void addRun(String run, boolean document, Set<String> tokens, int max) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1 || document) {
            for (int cp : cps) {
                if (tokens.size() >= max) {
                    return;
                }
                tokens.add(new String(Character.toChars(cp)));
            }
        }
        for (int k = 0; k + 1 < cps.length && tokens.size() < max; k++) {
            tokens.add(new String(cps, k, 2));
        }
    }

    /** A word: every prefix in a document; in a query the word itself (or its longest indexed prefix). */
    private static void addWord(String word, boolean document, Set<String> tokens, int max) {
        int[] cps = word.codePoints().toArray();
        int longest = Math.min(cps.length, MAX_WORD);
        if (!document) {
            tokens.add(new String(cps, 0, longest));
            return;
        }
        for (int n = 1; n <= longest && tokens.size() < max; n++) {
            tokens.add(new String(cps, 0, n));
        }
    }

    private static boolean isUnspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
