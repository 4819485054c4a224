package com.mallservicedesk.platform.web;

import java.util.List;

/** One page of a list, as every list endpoint answers: the items and where they are in the whole. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
