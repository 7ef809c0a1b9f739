"""A schedule for 2027 in the operator file format, shared by the calendar tests."""

# The dates are illustrative test
# data (shaped like a State Council notice), not the official 2027 schedule.
SCHEDULE_2027 = """
year = 2027
source = "示例：2027年部分节假日安排"

[[holiday]]
name = "元旦"
start = 2027-01-01
end = 2027-01-03

[[holiday]]
name = "春节"
start = 2027-02-05
end = 2027-02-12
workdays = [2027-02-13, 2027-02-20]

[[holiday]]
name = "清明节"
start = 2027-04-03
end = 2027-04-05

[[holiday]]
name = "劳动节"
start = 2027-05-01
end = 2027-05-05
workdays = [2027-05-08]

[[holiday]]
name = "端午节"
start = 2027-06-09
end = 2027-06-09

[[holiday]]
name = "中秋节"
start = 2027-09-15
end = 2027-09-15

[[holiday]]
name = "国庆节"
start = 2027-10-01
end = 2027-10-07
workdays = [2027-09-26, 2027-10-09]
"""
