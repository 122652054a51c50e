/**
 * Demo data for a first start: on an empty database (and {@code consento.demo=true}) it defines a realistic
 * purpose catalog and a published notice, turns the customers of a bundled extract of the UCI "Online Retail"
 * data set into subjects with synthetic identifiers and profiles, and records plausible, deterministic consent
 * histories through the public catalog, identity and ledger APIs. {@link com.consento.demo.DemoPlanner} is a
 * pure function (customers + Random + Clock → plan); {@link com.consento.demo.DemoSeeder} only writes the plan.
 * It owns the extract ({@code resources/demo/}) and nothing that other capabilities depend on.
 */
package com.consento.demo;
