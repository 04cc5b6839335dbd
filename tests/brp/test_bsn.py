from itertools import islice

from loket.brp.bsn import check_digit, fictional_bsns, is_valid_bsn


def test_elfproef():
    assert is_valid_bsn("111222333")
    assert not is_valid_bsn("111222334")
    assert check_digit("11122233") == 3


def test_fictional_numbers_are_valid_unique_and_in_the_nine_range():
    numbers = list(islice(fictional_bsns(), 2000))

    assert len(set(numbers)) == 2000
    assert all(is_valid_bsn(n) and n.startswith("9") for n in numbers)
    assert numbers == sorted(numbers)


def test_fictional_numbers_continue_after_the_last_one_given():
    first_batch = list(islice(fictional_bsns(), 10))
    next_batch = list(islice(fictional_bsns(after=first_batch[-1]), 10))

    assert not set(first_batch) & set(next_batch)
    assert next_batch[0] > first_batch[-1]
