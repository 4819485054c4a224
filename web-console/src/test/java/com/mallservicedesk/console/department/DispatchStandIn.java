package com.mallservicedesk.console.department;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for dispatch behind the department console, on a free loopback port: it holds one department's work
 * orders, newest first, answers the work-order list as dispatch does ({@code department}, {@code open}, {@code page},
 * {@code size}: newest first, {@code {items, page, size, total}}) and each order by id; it holds the department's
 * notifications too and answers their list ({@code acknowledged}, {@code page}, {@code size}: unacknowledged first, then
 * by due time). It notes every path and query it is asked for, and answers every other call with a 404 problem.
 */
final class DispatchStandIn implements AutoCloseable {

    static final String LIST = "/api/v1/malls/M001/work-orders";
    private static final List<String> OPEN = List.of("UNASSIGNED", "ASSIGNED", "ACCEPTED", "DELAYED");

    /** One stored order: what the list and the board need of it. */
    record Order(String id, String department, String status, Instant createdAt) {

        String json() {
            return "{\"id\":\"" + id + "\",\"mallId\":\"M001\",\"requestNumber\":\"" + id.toUpperCase() + "\","
                    + "\"kind\":\"REPAIR\",\"description\":\"" + id + "\",\"department\":\"" + department + "\","
                    + "\"status\":\"" + status + "\",\"createdAt\":\"" + createdAt + "\",\"orderedAt\":\"" + createdAt
                    + "\",\"round\":1,\"escalationLevel\":0,\"overdue\":false,\"deadlines\":{}}";
        }
    }

    static final String NOTIFICATIONS = "/api/v1/malls/M001/departments/ENGINEERING/notifications";

    /** One notification of the department. */
    record Notification(String id, boolean acknowledged, Instant dueAt) {

        String json() {
            return "{\"id\":\"" + id + "\",\"mallId\":\"M001\",\"department\":\"ENGINEERING\",\"reason\":\"COMPLAINT\","
                    + "\"summary\":\"" + id + "\",\"dueAt\":\"" + dueAt + "\",\"acknowledged\":" + acknowledged
                    + ",\"overdue\":false}";
        }
    }

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private final List<Order> orders = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    DispatchStandIn() {
        server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            requests.add(request.uri());
            URI uri = URI.create(request.uri());
            String body = null;
            if (LIST.equals(uri.getPath())) {
                body = page(parameters(uri.getRawQuery()));
            } else if (NOTIFICATIONS.equals(uri.getPath())) {
                body = notificationPage(parameters(uri.getRawQuery()));
            } else if (uri.getPath().startsWith(LIST + "/")) {
                String id = uri.getPath().substring(LIST.length() + 1);
                body = orders.stream().filter(o -> o.id().equals(id)).findFirst().map(Order::json).orElse(null);
            }
            if (body != null) {
                return response.status(200).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
            }
            return response.status(404).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":404,\"title\":\"stand-in\",\"code\":\"stand-in\"}")).then();
        }).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The orders dispatch holds, newest first. */
    void hold(List<Order> newestFirst) {
        orders.clear();
        orders.addAll(newestFirst);
    }

    /** The department's notifications, in any order. */
    void notify(List<Notification> held) {
        notifications.clear();
        notifications.addAll(held);
    }

    /** Every call to the work-order list so far, path and query as sent. */
    List<String> listCalls() {
        return calls(LIST);
    }

    /** Every call to the path so far, path and query as sent. */
    List<String> calls(String path) {
        return requests.stream().filter(uri -> URI.create(uri).getPath().equals(path)).toList();
    }

    void forget() {
        requests.clear();
        orders.clear();
        notifications.clear();
    }

    private String notificationPage(Map<String, String> parameters) {
        int page = Integer.parseInt(parameters.getOrDefault("page", "0"));
        int size = Integer.parseInt(parameters.getOrDefault("size", "50"));
        String acknowledged = parameters.get("acknowledged");
        List<Notification> matching = notifications.stream()
                .filter(n -> acknowledged == null || Boolean.parseBoolean(acknowledged) == n.acknowledged())
                .sorted(Comparator.comparing(Notification::acknowledged).thenComparing(Notification::dueAt))
                .toList();
        List<Notification> items = matching.stream().skip((long) page * size).limit(size).toList();
        return "{\"items\":[" + items.stream().map(Notification::json).collect(Collectors.joining(",")) + "],\"page\":"
                + page + ",\"size\":" + size + ",\"total\":" + matching.size() + "}";
    }

    private String page(Map<String, String> parameters) {
        int page = Integer.parseInt(parameters.getOrDefault("page", "0"));
        int size = Integer.parseInt(parameters.getOrDefault("size", "50"));
        String department = parameters.get("department");
        boolean open = "true".equals(parameters.get("open"));
        List<Order> matching = orders.stream()
                .filter(o -> department == null || department.equals(o.department()))
                .filter(o -> !open || OPEN.contains(o.status()))
                .toList();
        List<Order> items = matching.stream().skip((long) page * size).limit(size).toList();
        return "{\"items\":[" + items.stream().map(Order::json).collect(Collectors.joining(",")) + "],\"page\":" + page
                + ",\"size\":" + size + ",\"total\":" + matching.size() + "}";
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return parameters;
    }

    /** {@code count} orders of the department, newest first, {@code createdAt} a minute apart before {@code newest}. */
    static List<Order> orders(String prefix, String department, String status, int count, Instant newest) {
        List<Order> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(new Order(prefix + "-" + i, department, status, newest.minusSeconds(60L * i)));
        }
        return made;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
