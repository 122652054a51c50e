/**
 * Platform: wiring, configuration, the embedded database, API keys and scopes, RFC 9457 problems for every
 * error, the start-up banner and the command-line tasks. A leaf: no capability depends on it.
 */
package com.consento.platform;
