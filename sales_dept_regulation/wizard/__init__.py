from . import conduct
from . import grading
from . import contract
