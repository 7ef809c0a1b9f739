from unionplan.documents.plan_docx import write_docx

__all__ = ["write_docx"]
