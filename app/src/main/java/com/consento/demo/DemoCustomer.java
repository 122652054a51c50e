package com.consento.demo;

/**
 * One customer of the retail extract: its id, its (first) country, what it spent on kept lines (not cancelled,
 * quantity > 0) and on how many invoices.
 */
record DemoCustomer(int id, String country, double spend, int invoices) {
}
