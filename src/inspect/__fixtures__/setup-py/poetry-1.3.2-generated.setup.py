# -*- coding: utf-8 -*-
from setuptools import setup

package_dir = \
{'': 'src'}

packages = \
['hello_app']

package_data = \
{'': ['*']}

install_requires = \
['flask>=2.2,<3.0', 'requests>=2.28,<3']

extras_require = \
{'cli': ['click>=8.1,<9.0']}

entry_points = \
{'console_scripts': ['hello = hello_app.cli:main']}

setup_kwargs = {
    'name': 'hello-app',
    'version': '0.3.1',
    'description': 'A small Flask app',
    'long_description': '# Hello\n',
    'author': 'Ada Lovelace',
    'author_email': 'ada@example.com',
    'maintainer': 'None',
    'maintainer_email': 'None',
    'url': 'None',
    'package_dir': package_dir,
    'packages': packages,
    'package_data': package_data,
    'install_requires': install_requires,
    'extras_require': extras_require,
    'entry_points': entry_points,
    'python_requires': '>=3.11,<4.0',
}


setup(**setup_kwargs)
