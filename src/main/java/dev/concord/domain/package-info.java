/**
 * Domain values: subscriptions, plans, invoices, their field descriptions and validation.
 * Immutable records and enums only; no I/O. Jackson annotations name the wire form of enums and components.
 */
package dev.concord.domain;
