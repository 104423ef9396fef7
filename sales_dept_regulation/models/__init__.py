from . import res_company
from . import conduct
from . import grading
from . import contract
