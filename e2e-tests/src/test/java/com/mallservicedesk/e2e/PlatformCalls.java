package com.mallservicedesk.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the crash tests read back from the services after the crash: a status, every work order of a mall. */
final class PlatformLookups {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern WORK_ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"(wo-[^\"]+)\"");
    private static final int PAGE = 200;

    private PlatformLookups() {
    }

    static int status(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every work order id of the mall, page by page. */
    static List<String> workOrderIds(String dispatch, String mall, String token) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(dispatch + "/api/v1/malls/" + mall
                            + "/work-orders?size=" + PAGE + "&page=" + page)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = WORK_ORDER_ID.matcher(body);
            int before = ids.size();
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            if (ids.size() - before < PAGE) {
                return ids;
            }
        }
        return ids;
    }
}
