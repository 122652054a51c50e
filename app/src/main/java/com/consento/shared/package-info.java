/**
 * Vocabulary every capability shares: channels, the problems a request can have, and nothing else.
 * It depends on no other package and on no framework, so that any domain rule can use it.
 */
package com.consento.shared;
