package org.credfolio.catalog;

/** Where a credential is recognized. */
public enum Portability {
    NATIONAL,
    MULTI_STATE,
    STATE,
    LOCAL
}
