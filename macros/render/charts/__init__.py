"""render/charts"""
