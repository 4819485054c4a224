package com.mallservicedesk.claims.evidence;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/** A stored file being read back: its bytes as they stream out of GridFS. */
public record FileContent(String contentType, long size, Flux<DataBuffer> content) {
}
