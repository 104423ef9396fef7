# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The regulations' roles and scopes, spelled for res.users.has_groups():
a user holds one of several roles when has_groups("a,b") is true."""

SALES_CLERK = "sales_dept_regulation.group_role_sales_clerk"
DEPARTMENT_HEAD = "sales_dept_regulation.group_role_department_head"
DEPUTY_GENERAL_MANAGER = "sales_dept_regulation.group_role_deputy_general_manager"
GENERAL_MANAGER = "sales_dept_regulation.group_role_general_manager"
REGULATION_ADMIN = "sales_dept_regulation.group_role_regulation_admin"
SCOPE_OWN = "sales_dept_regulation.group_scope_own"
SCOPE_DEPARTMENT = "sales_dept_regulation.group_scope_department"
# "the Department Head and above": who overrides a grade, restarts signatures,
# opens an amendment
MANAGERS = f"{DEPARTMENT_HEAD},{DEPUTY_GENERAL_MANAGER},{GENERAL_MANAGER}"
# not a sales scope: R&D sees submitted sample requests, never their money
RD_ENGINEER = "sales_dept_regulation.group_role_rd_engineer"
TECHNICAL_STAFF = "sales_dept_regulation.group_role_technical_staff"
