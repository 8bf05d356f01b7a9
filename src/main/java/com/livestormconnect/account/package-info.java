/**
 * The partner app's own users: sign-up, sign-in and sign-out with Jakarta Security over a JPA
 * account table, the signed-in account's id ({@code CurrentAccount}) that every other feature keys
 * its data by, throttling and administrators. Depends on web, database and config only.
 */
package com.livestormconnect.account;
