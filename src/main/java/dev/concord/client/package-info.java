/** The HTTP client of the service (OkHttp) and its typed errors. */
package dev.concord.client;
