/** What answers cost: the price table, the usage of each call, and the monthly spend ledger that budgets are checked against. */
package io.aegisrag.llm.cost;
