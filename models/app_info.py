"""Facts about the app that start-up code needs without importing the report model."""

APP_NAME = "政府信息公开工作年度报告助手"
APP_VERSION = "0.1.0"
DRAFT_SUFFIX = ".nianbao"
#: The mark a Word/Excel export carries when the report still has errors (and the importer drops again).
DRAFT_MARK = "草稿（未通过校验）"
