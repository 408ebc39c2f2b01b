package shop.migrations;

/** The changelogs live under db/; this file holds no query. */
class Input {
}
