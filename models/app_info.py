"""Facts about the app that start-up code needs without importing the report model."""

APP_NAME = "政府信息公开工作年度报告助手"
APP_VERSION = "0.1.0"
DRAFT_SUFFIX = ".nianbao"
