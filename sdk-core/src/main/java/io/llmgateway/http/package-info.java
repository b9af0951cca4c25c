/** Small HTTP value types shared by the clients: header access and server retry hints. */
@NullMarked
package io.llmgateway.http;

import org.jspecify.annotations.NullMarked;
