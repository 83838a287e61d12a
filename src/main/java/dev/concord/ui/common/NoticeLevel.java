package dev.concord.ui.common;

/** How a short message to the agent is styled. */
public enum NoticeLevel {
    NONE, INFO, SUCCESS, WARNING, ERROR
}
